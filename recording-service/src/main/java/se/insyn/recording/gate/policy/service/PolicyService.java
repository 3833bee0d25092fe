package se.insyn.recording.gate.policy.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem.Violation;
import se.insyn.problem.ProblemException;
import se.insyn.recording.gate.channel.repository.Channel;
import se.insyn.recording.gate.channel.repository.ChannelRepository;
import se.insyn.recording.gate.policy.repository.Policy;
import se.insyn.recording.gate.policy.repository.PolicyRepository;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.repository.PolicyVersion.Status;
import se.insyn.recording.gate.policy.repository.PolicyVersionRepository;
import se.insyn.recording.platform.config.RecordingConfig;

/** The policy lifecycle: draft, submit, approve by a second person, suspend, retire (R4, R9). */
@ApplicationScoped
public class PolicyService {

  private static final List<Status> OPEN = List.of(Status.DRAFT, Status.SUBMITTED);
  private static final List<Status> LIVE =
      List.of(Status.DRAFT, Status.SUBMITTED, Status.ACTIVE, Status.SUSPENDED);

  private final PolicyRepository policies;
  private final PolicyVersionRepository versions;
  private final ChannelRepository channels;
  private final AuditOutbox audit;
  private final RecordingConfig config;

  PolicyService(
      PolicyRepository policies,
      PolicyVersionRepository versions,
      ChannelRepository channels,
      AuditOutbox audit,
      RecordingConfig config) {
    this.policies = policies;
    this.versions = versions;
    this.channels = channels;
    this.audit = audit;
    this.config = config;
  }

  /** Today in the zone policies are read in; review dates are calendar dates there. */
  public LocalDate today() {
    return LocalDate.now(Clock.system(config.scopeZone()));
  }

  public List<PolicyVersion> listLatest() {
    return versions.listLatest();
  }

  public PolicyVersion latest(UUID policyId) {
    return versions
        .findLatest(policyId)
        .orElseThrow(() -> ProblemException.notFound("No policy " + policyId));
  }

  public PolicyVersion version(UUID policyId, int version) {
    return versions
        .findVersion(policyId, version)
        .orElseThrow(
            () -> ProblemException.notFound("No version " + version + " of policy " + policyId));
  }

  public List<PolicyVersion> versions(UUID policyId) {
    List<PolicyVersion> all = versions.listVersions(policyId);
    if (all.isEmpty()) {
      throw ProblemException.notFound("No policy " + policyId);
    }
    return all;
  }

  /** The DPIA screening of a version, computed from its criteria and channels (R68). */
  public PolicyRules.Screening screening(PolicyVersion v) {
    return PolicyRules.screen(v, channelsOf(v));
  }

  @Transactional
  public PolicyVersion create(@Valid @NotNull PolicyDraft draft, @NotBlank String author) {
    Policy policy = new Policy();
    policy.id = UUID.randomUUID();
    policy.createdBy = author;
    policies.persist(policy);
    return newVersion(policy.id, 1, draft, author);
  }

  /** A change is a new version that must be approved again; earlier versions stay as they were. */
  @Transactional
  public PolicyVersion revise(
      @NotNull UUID policyId, @Valid @NotNull PolicyDraft draft, @NotBlank String author) {
    PolicyVersion latest = latest(policyId);
    if (!versions.listInStatus(policyId, OPEN).isEmpty()) {
      throw ProblemException.conflict(
          "Version " + latest.version + " is still a draft or awaiting approval");
    }
    if (latest.status == Status.RETIRED) {
      throw ProblemException.conflict("The policy is retired");
    }
    return newVersion(policyId, latest.version + 1, draft, author);
  }

  @Transactional
  public PolicyVersion submit(@NotNull UUID policyId) {
    PolicyVersion v = latest(policyId);
    if (v.status != Status.DRAFT) {
      throw ProblemException.conflict("Only a draft can be submitted; version is " + v.status);
    }
    v.status = Status.SUBMITTED;
    audit.record(EventType.POLICY_SUBMITTED, subject(v), null, null, Map.of("version", v.version));
    return v;
  }

  /**
   * Approves the submitted version. A refusal is committed (status REJECTED, audit event, DPO flag
   * for protected lines) before the 422 reaches the caller, hence no rollback on problems.
   */
  @Transactional(dontRollbackOn = ProblemException.class)
  public PolicyVersion approve(@NotNull UUID policyId, @NotBlank String approver) {
    PolicyVersion v = latest(policyId);
    if (v.status != Status.SUBMITTED) {
      throw ProblemException.conflict(
          "Only a submitted version can be approved; it is " + v.status);
    }
    if (approver.equals(v.author)) {
      throw ProblemException.forbidden("The author of a policy version cannot approve it");
    }
    PolicyRules.Outcome outcome = PolicyRules.check(v, channelsOf(v), today());
    if (!outcome.protectedChannels().isEmpty()) {
      audit.record(
          EventType.DPO_FLAGGED,
          subject(v),
          null,
          null,
          Map.of(
              "reason",
              "PROTECTED_LINE_IN_POLICY_SCOPE",
              "version",
              v.version,
              "channelIds",
              outcome.protectedChannels().stream().map(c -> c.id.toString()).toList(),
              "protectedClasses",
              outcome.protectedChannels().stream().map(c -> c.protectedClass.name()).toList()));
    }
    if (!outcome.violations().isEmpty()) {
      v.status = Status.REJECTED;
      audit.record(
          EventType.POLICY_REJECTED,
          subject(v),
          null,
          null,
          Map.of(
              "version",
              v.version,
              "violations",
              outcome.violations().stream()
                  .map(x -> Map.of("field", x.field(), "message", x.message()))
                  .toList()));
      throw ProblemException.unprocessable(
          "Policy cannot be approved",
          outcome.violations().size() + " requirement(s) not met",
          outcome.violations());
    }
    for (PolicyVersion old :
        versions.listInStatus(policyId, List.of(Status.ACTIVE, Status.SUSPENDED))) {
      old.status = Status.SUPERSEDED;
    }
    v.status = Status.ACTIVE;
    v.approvedBy = approver;
    v.approvedAt = Instant.now();
    audit.record(
        EventType.POLICY_APPROVED,
        subject(v),
        v.purpose.name(),
        v.legalBasis.name(),
        Map.of(
            "version", v.version,
            "channelIds", v.channelIds.stream().map(UUID::toString).toList(),
            "mode", v.mode.name(),
            "dpiaRequired", outcome.screening().dpiaRequired(),
            "reviewDate", v.reviewDate.toString()));
    return v;
  }

  @Transactional
  public PolicyVersion suspend(@NotNull UUID policyId, @Valid @NotNull Reason reason) {
    PolicyVersion v =
        versions.listInStatus(policyId, List.of(Status.ACTIVE)).stream()
            .findFirst()
            .orElseThrow(() -> ProblemException.conflict("The policy has no active version"));
    v.status = Status.SUSPENDED;
    audit.record(
        EventType.POLICY_SUSPENDED,
        subject(v),
        null,
        null,
        Map.of("version", v.version, "reason", reason.reason()));
    return v;
  }

  @Transactional
  public PolicyVersion retire(@NotNull UUID policyId, @Valid @NotNull Reason reason) {
    List<PolicyVersion> live = versions.listInStatus(policyId, LIVE);
    if (live.isEmpty()) {
      latest(policyId);
      throw ProblemException.conflict("The policy is already retired");
    }
    live.forEach(v -> v.status = Status.RETIRED);
    PolicyVersion latest = latest(policyId);
    audit.record(
        EventType.POLICY_RETIRED,
        subject(latest),
        null,
        null,
        Map.of(
            "versions", live.stream().map(v -> v.version).toList(),
            "reason", reason.reason()));
    return latest;
  }

  private PolicyVersion newVersion(UUID policyId, int number, PolicyDraft d, String author) {
    PolicyVersion v = new PolicyVersion();
    v.id = UUID.randomUUID();
    v.policyId = policyId;
    v.version = number;
    v.status = Status.DRAFT;
    v.author = author;
    apply(v, d);
    versions.persist(v);
    audit.record(
        EventType.POLICY_CREATED,
        subject(v),
        v.purpose == null ? null : v.purpose.name(),
        v.legalBasis == null ? null : v.legalBasis.name(),
        Map.of("version", v.version));
    return v;
  }

  private static void apply(PolicyVersion v, PolicyDraft d) {
    v.controller = d.controller();
    v.purpose = d.purpose();
    v.legalBasis = d.legalBasis();
    v.legalReference = d.legalReference();
    v.ropaId = d.ropaId();
    v.reviewDate = d.reviewDate();
    if (d.scope() != null) {
      if (d.scope().channelIds() != null) {
        v.channelIds.addAll(d.scope().channelIds());
      }
      v.direction = d.scope().direction();
      v.weekdays(d.scope().weekdays());
      v.hoursFrom = d.scope().hoursFrom();
      v.hoursTo = d.scope().hoursTo();
      v.mode = d.scope().mode();
    }
    if (d.consent() != null && d.consent().parties() != null) {
      v.consentParties = d.consent().parties();
      v.consentPurpose = d.consent().purposeCode();
    }
    if (d.dpia() != null) {
      v.dpiaReference = d.dpia().reference();
      v.dpiaAlwaysReason = d.dpia().alwaysReason();
      v.vulnerableSubjects = d.dpia().vulnerableSubjects();
      v.largeScale = d.dpia().largeScale();
      v.newTechnology = d.dpia().newTechnology();
    }
    if (d.disposal() != null) {
      if (d.disposal().retention() != null
          && !PolicyRules.validRetention(d.disposal().retention())) {
        throw ProblemException.badRequest(
            "Invalid retention",
            List.of(
                new Violation(
                    "disposal.retention",
                    "must be a positive ISO-8601 period or duration of at most "
                        + PolicyRules.MAX_RETENTION_YEARS
                        + " years (P90D, PT24H), or PRESERVE to keep for good (R43)")));
      }
      v.disposalBody = d.disposal().body();
      v.disposalRegistryNumber = d.disposal().registryNumber();
      v.disposalDate = d.disposal().date();
      v.disposalDocumentType = d.disposal().documentType();
      v.retention = d.disposal().retention();
    }
    if (d.notice() != null) {
      v.noticeVersion = d.notice().version();
      if (d.notice().announcement() != null) {
        v.announcement = new LinkedHashMap<>(d.notice().announcement());
      }
    }
    if (d.employees() != null) {
      v.employeesAffected = d.employees().affected();
      v.mblReference = d.employees().mblReference();
      v.safetyRepView = d.employees().safetyRepView();
      v.exceptionalConsentJustification = d.employees().exceptionalConsentJustification();
      v.noDetrimentAlternative = d.employees().noDetrimentAlternative();
      v.dpoSignOff = d.employees().dpoSignOff();
    }
  }

  private Map<UUID, Channel> channelsOf(PolicyVersion v) {
    return channels.listByIds(v.channelIds).stream()
        .collect(Collectors.toMap(c -> c.id, Function.identity()));
  }

  private static String subject(PolicyVersion v) {
    return "policy/" + v.policyId;
  }
}
