package se.insyn.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The event catalogue (R59): every audit event type the suite emits, with its wire name, the
 * service that emits it, what it means, the requirements it serves and its data fields. Emitters
 * name a type only through this enum, and each event's data is checked against its fields when it
 * is written ({@link #check}). docs/audit-events.md is its human-readable form; {@code
 * EventCatalogueDocTest} fails when the two differ.
 *
 * <p>A field spec ending in {@code ?} is optional: it may be absent or null. Every other field is
 * required: present and not null.
 */
public enum EventType {
  PURPOSE_CREATED(
      "purpose.created",
      Source.CONSENT,
      "A purpose was added to the controlled list, with whom it concerns and its choice model.",
      "R4, R59",
      "code",
      "titleSv",
      "subjects",
      "choiceModel"),
  NOTICE_PUBLISHED(
      "notice.published",
      Source.CONSENT,
      "A purpose's next notice version was published; its canonical text is hashed.",
      "R21, R25, R26",
      "version",
      "contentHash",
      "requiresReconsent"),
  CONSENT_GIVEN(
      "consent.given",
      Source.CONSENT,
      "A person gave consent by an affirmative act; the data is the evidence.",
      "R11, R12, R59",
      Shared.CHOICE),
  CONSENT_REFUSED(
      "consent.refused",
      Source.CONSENT,
      "A person refused or objected; it supersedes the consents it replaces.",
      "R11, R16, R17, R59",
      Shared.CHOICE),
  CONSENT_WITHDRAWN(
      "consent.withdrawn",
      Source.CONSENT,
      "A person withdrew a choice in one step, effective for the next decision.",
      "R14, R59",
      "purpose",
      "subjectType",
      "subjectRef",
      "choice",
      "interactionId?"),
  CONSENT_DECISION(
      "consent.decision",
      Source.CONSENT,
      "The consent-service answered PERMIT or DENY for a purpose, with each subject's reason.",
      "R12, R16, R59",
      "decisionId",
      "purpose",
      "decision",
      "subjects",
      "sessionId?"),
  CONSENT_PLATFORM_REFUSED(
      "consent.platform-refused",
      Source.CONSENT,
      "A recorder was refused: a choice for a purpose none of its channels uses, or a withdrawal"
          + " of a choice it did not record.",
      "R11, R14, R59",
      "platform",
      "action",
      "purpose?",
      "consentId?"),

  CHANNEL_CREATED(
      "channel.created",
      Source.RECORDING,
      "A line or channel was registered; nothing is recorded on it until a policy covers it.",
      "R3, R35, R38",
      "kind",
      "protectedClass",
      "secrecyClass",
      "platform?"),
  CHANNEL_PLATFORM_ASSIGNED(
      "channel.platform-assigned",
      Source.RECORDING,
      "A channel was assigned to the platform client that serves it, or unassigned.",
      "R1, R61",
      "platform?",
      "previousPlatform?"),
  RECORDING_PLATFORM_REFUSED(
      "recording.platform-refused",
      Source.RECORDING,
      "A platform asked about a channel it does not serve or acted on a recording it did not"
          + " start; refused.",
      "R1, R31, R59",
      "platform",
      "action",
      "channelId?"),
  POLICY_CREATED(
      "policy.created",
      Source.RECORDING,
      "A policy version was drafted: a new policy or a revision of one.",
      "R9, R59",
      "version"),
  POLICY_SUBMITTED(
      "policy.submitted",
      Source.RECORDING,
      "A draft policy version was submitted for approval.",
      "R4, R59",
      "version"),
  POLICY_APPROVED(
      "policy.approved",
      Source.RECORDING,
      "A policy version was approved by someone other than its author and is now active.",
      "R4, R68, R71",
      "version",
      "channelIds",
      "mode",
      "dpiaRequired",
      "reviewDate"),
  POLICY_REJECTED(
      "policy.rejected",
      Source.RECORDING,
      "Approval was refused: the version is rejected, with every unmet rule.",
      "R4, R38",
      "version",
      "violations"),
  DPO_FLAGGED(
      "dpo.flagged",
      Source.RECORDING,
      "A matter for the DPO: a protected line in a policy's scope at approval, or a read of the"
          + " audit trail refused as source tracing (appended by the audit-service).",
      "R38, R39",
      "reason",
      "version?",
      "channelIds?",
      "protectedClasses?",
      "rule?",
      "refusedQuery?",
      "request?"),
  POLICY_SUSPENDED(
      "policy.suspended",
      Source.RECORDING,
      "The active version of a policy was suspended; it permits nothing.",
      "R59",
      "version",
      "reason"),
  POLICY_RETIRED(
      "policy.retired",
      Source.RECORDING,
      "A policy was retired; none of its versions permits anything any more.",
      "R59",
      "versions",
      "reason"),
  KILLSWITCH_ENGAGED(
      "killswitch.engaged",
      Source.RECORDING,
      "The kill switch was engaged for all or some channels; recordings there were stopped.",
      "R29, R67",
      "allChannels",
      "channelIds",
      "reason",
      "recordingsStopped"),
  KILLSWITCH_RELEASED(
      "killswitch.released",
      Source.RECORDING,
      "A kill switch engagement was released by a second person.",
      "R29",
      "reason",
      "engagedBy"),
  RECORDING_DECISION(
      "recording.decision",
      Source.RECORDING,
      "The answer to \"may I record?\": PERMIT (about the new recording) or DENY (about the"
          + " channel), with its reasons.",
      "R1, R2, R9, R59",
      "decision",
      "reasons",
      "channelId",
      "callId",
      "direction",
      "trigger",
      "policyId?",
      "policyVersion?",
      "noticeVersion?",
      "consentDecisionId?",
      "consentIds?",
      "callerHmac?"),
  RECORDING_STARTED(
      "recording.started",
      Source.RECORDING,
      "The platform confirmed that the notice had played; capture began.",
      "R20",
      "channelId",
      "policyId",
      "policyVersion",
      "noticeVersion"),
  RECORDING_TRANSFERRED(
      "recording.transferred",
      Source.RECORDING,
      "A recorded call moved to another channel; inScope says whether recording went on.",
      "R27",
      "channelId",
      "fromChannelId",
      "toChannelId",
      "inScope",
      "policyId",
      "policyVersion"),
  RECORDING_STOPPED(
      "recording.stopped",
      Source.RECORDING,
      "A recording stopped: the call ended, a transfer left the scope, the kill switch, or a"
          + " withdrawn consent.",
      "R14, R27, R29",
      "reason",
      "channelId",
      "policyId",
      "policyVersion",
      "confirmedStarted",
      "consentId?",
      "consentChange?",
      "feedPosition?"),
  RECORDING_CONTENT_SEALED(
      "recording.content.sealed",
      Source.RECORDING,
      "A recording's content was stored encrypted and sealed: its hash bound to its metadata.",
      "R31, R32",
      "sha256",
      "size",
      "seal",
      "channelId",
      "policyId",
      "policyVersion",
      "noticeVersion",
      "startedAt",
      "stoppedAt",
      "direction"),
  RECORDING_CONTENT_UPLOAD_FAILED(
      "recording.content.upload-failed",
      Source.RECORDING,
      "An upload that died with its process was cleaned up: partial bytes and data key destroyed.",
      "R31",
      "uploadStartedAt",
      "dataKeyDestroyed",
      "channelId"),
  RECORDING_KEYS_REWRAPPED(
      "recording.keys.rewrapped",
      Source.RECORDING,
      "A batch of data keys wrapped by a retired KEK was wrapped again by the current one.",
      "R31",
      "dataKeys",
      "fromKekIds",
      "toKekId"),
  RECORDING_SEALS_RENEWED(
      "recording.seals.renewed",
      Source.RECORDING,
      "A batch of seals made under a retired KEK was made again under the current one.",
      "R32",
      "seals",
      "fromKekIds",
      "toKekId",
      "sealsNotHolding"),
  RECORDING_VIEWED(
      "recording.viewed",
      Source.RECORDING,
      "Someone looked at a recording's content facts (hash, size, seal), never its content.",
      "R50, R51",
      "view",
      "disposed"),
  RECORDING_LISTED(
      "recording.listed",
      Source.RECORDING,
      "Someone listed recordings, of one channel or all, in a time window.",
      "R51",
      "channelId?",
      "from?",
      "to?",
      "count",
      "recordingIds"),
  RECORDING_PLAYED(
      "recording.played",
      Source.RECORDING,
      "A reviewer played a recording, with a reason code and a case reference.",
      "R8, R50, R51",
      Shared.ACCESS_REASON),
  RECORDING_ACCESS_DENIED(
      "recording.access.denied",
      Source.RECORDING,
      "An attempt to play a recording was refused: role, a missing or malformed reason,"
          + " purpose, second approval or self-approval.",
      "R8, R35, R50, R51, R60",
      "reasonCode?",
      "reasonPurpose?",
      "caseRef?",
      "denial",
      "detail"),
  RECORDING_ACCESS_APPROVED(
      "recording.access.approved",
      Source.RECORDING,
      "A second reviewer approved another's request for access to a secrecy-classed recording;"
          + " one playback may use it until it expires.",
      "R35, R50",
      Shared.ACCESS_REASON,
      "requester",
      "expiresAt"),
  RECORDING_EXPORTED(
      "recording.exported",
      Source.RECORDING,
      "The DPO exported a copy of a recording for the person it is about, naming the rights"
          + " request and, on a secrecy-classed line, the second approver.",
      "R50, R51, R55",
      Shared.SUBJECT_QUERY,
      "export",
      "requestRef",
      "reasonCode",
      "approvedBy?"),
  SUBJECT_ACCESS_COPY_APPROVED(
      "subject-access.copy-approved",
      Source.RECORDING,
      "A second person (another DPO or an investigator) approved a DPO's request for a copy of a"
          + " secrecy-classed recording; one copy may use it until it expires.",
      "R50, R55",
      "requestRef",
      "reasonCode",
      "requester",
      "expiresAt"),
  SUBJECT_ACCESS_ANSWERED(
      "subject-access.answered",
      Source.RECORDING,
      "The DPO answered \"was I recorded?\" for a caller (by HMAC) or an employee.",
      "R54, R56",
      Shared.SUBJECT_QUERY,
      "count",
      "recordingIds"),
  RECORDING_DISPOSED(
      "recording.disposed",
      Source.RECORDING,
      "A recording was disposed of (data key destroyed, then bytes deleted); the data is the"
          + " receipt.",
      "R44, R45",
      "recordingId",
      "contentHash?",
      "disposalDecision",
      "policyId",
      "policyVersion",
      "deleteAfter",
      "disposedAt",
      "executor"),
  LEGALHOLD_PLACED(
      "legalhold.placed",
      Source.RECORDING,
      "A legal hold was placed on recordings or on a channel's time window; they are not disposed"
          + " of while it lasts.",
      "R46, R67",
      "caseRef",
      "reason",
      "recordingIds",
      "channelId?",
      "from?",
      "to?",
      "placedBy",
      "covered",
      "alreadyDisposed"),
  LEGALHOLD_RELEASED(
      "legalhold.released",
      Source.RECORDING,
      "A legal hold was released, with a reason, by a second person other than the one who placed"
          + " it.",
      "R46",
      "caseRef",
      "reason",
      "placedBy",
      "releasedBy"),
  DISCOVERY_REGISTERED(
      "discovery.registered",
      Source.RECORDING,
      "A batch of recordings found on a platform's own store was registered; those without a"
          + " PERMIT are quarantined.",
      "R30, R48",
      "batchId",
      "platform",
      "foundAt",
      "registered",
      "quarantined"),
  INCIDENT_OPENED(
      "incident.opened",
      Source.RECORDING,
      "Shadow recordings were found: an incident, with its awareness time and 72-hour deadline.",
      "R30, R64, R67",
      "kind",
      "batchId",
      "platform",
      "awarenessAt",
      "notificationDeadline",
      "quarantined"),
  DISCOVERED_RECORDING_CONTENT_STORED(
      "discovered-recording.content.stored",
      Source.RECORDING,
      "The platform's copy of a discovered recording was stored encrypted.",
      "R31, R48",
      "sha256",
      "size",
      "status"),
  DISCOVERED_RECORDING_ACCESSED(
      "discovered-recording.accessed",
      Source.RECORDING,
      "An incident handler opened a discovered recording's content for a case.",
      "R48, R51",
      "caseRef",
      "status"),
  DISCOVERED_RECORDING_DISPOSED(
      "discovered-recording.disposed",
      Source.RECORDING,
      "The DPO had a discovered recording crypto-shredded; the data is the receipt.",
      "R44, R48",
      Shared.DPO_DECISION,
      "decisionRef",
      "contentHash?",
      "disposedAt"),
  DISCOVERED_RECORDING_KEPT_AS_EVIDENCE(
      "discovered-recording.kept-as-evidence",
      Source.RECORDING,
      "The DPO kept a discovered recording as evidence under an active legal hold.",
      "R46, R48",
      Shared.DPO_DECISION,
      "holdId"),

  AUDIT_QUERIED(
      "audit.queried",
      Source.AUDIT,
      "Someone read the audit trail (events, log entries, a report), answered or refused.",
      "R39, R62",
      "outcome",
      "request",
      "requestedPurpose?",
      "caseRef?"),
  AUDIT_PRUNED(
      "audit.pruned",
      Source.AUDIT,
      "The log's retention pruned the leaves below a boundary; the next checkpoint signs it.",
      "R49, R58",
      "prunedBelow",
      "previousPrunedBelow",
      "cutoff?",
      "keptForRecordings");

  /** The service that emits a type; its value is the service's client id and event source. */
  public enum Source {
    CONSENT("consent-service"),
    RECORDING("recording-service"),
    AUDIT("audit-service");

    private final String serviceName;

    Source(String serviceName) {
      this.serviceName = serviceName;
    }

    /** As in an event's {@code source} and the service's {@code quarkus.application.name}. */
    public String serviceName() {
      return serviceName;
    }
  }

  /** One field of an event's {@code data}. */
  public record Field(String name, boolean required) {

    static Field of(String spec) {
      return spec.endsWith("?")
          ? new Field(spec.substring(0, spec.length() - 1), false)
          : new Field(spec, true);
    }
  }

  /** Field lists that several types share, because one piece of code builds their data. */
  private static final class Shared {
    static final String[] CHOICE = {
      "purpose",
      "subjectType",
      "subjectRef",
      "choice",
      "scope",
      "noticeVersion",
      "noticeHash",
      "mechanism",
      "sessionId?",
      "interactionId?",
      "expiresAt?"
    };
    static final String[] ACCESS_REASON = {"reasonCode", "reasonPurpose", "caseRef"};
    static final String[] SUBJECT_QUERY = {"callerHmac?", "employeeId?", "from?", "to?"};
    static final String[] DPO_DECISION = {
      "discoveredRecordingId", "batchId", "decision", "rationale", "decidedBy"
    };

    private Shared() {}
  }

  private static final Map<String, EventType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(EventType::wireName, Function.identity()));

  private final String wireName;
  private final Source source;
  private final String meaning;
  private final List<String> requirements;
  private final List<Field> fields;
  private final Set<String> fieldNames;

  EventType(String wireName, Source source, String meaning, String requirements, String... fields) {
    this(wireName, source, meaning, requirements, new String[0], fields);
  }

  EventType(
      String wireName,
      Source source,
      String meaning,
      String requirements,
      String[] shared,
      String... fields) {
    this.wireName = wireName;
    this.source = source;
    this.meaning = meaning;
    this.requirements = List.of(requirements.split(", "));
    this.fields =
        Stream.concat(Arrays.stream(shared), Arrays.stream(fields)).map(Field::of).toList();
    this.fieldNames = this.fields.stream().map(Field::name).collect(Collectors.toUnmodifiableSet());
  }

  /** The type with this wire name, if the catalogue has one (a stored event may be older). */
  public static Optional<EventType> find(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }

  /** The name in an event's {@code type}, e.g. {@code consent.given}; it never changes. */
  public String wireName() {
    return wireName;
  }

  public Source source() {
    return source;
  }

  /** What happened, in one line. */
  public String meaning() {
    return meaning;
  }

  /** The requirement ids the event serves, e.g. {@code [R11, R12, R59]}. */
  public List<String> requirements() {
    return requirements;
  }

  /** The fields of its {@code data}, in the order they are documented. */
  public List<Field> fields() {
    return fields;
  }

  /**
   * Checks an event's data against the catalogue: every key is a field of this type and every
   * required field is there and not null. A failure is a programming error in the emitter.
   *
   * @param data the event's data; null counts as empty
   * @throws IllegalArgumentException naming the unknown and the missing fields
   */
  public void check(Map<String, ?> data) {
    Map<String, ?> given = data == null ? Map.of() : data;
    List<String> unknown =
        given.keySet().stream().filter(k -> !fieldNames.contains(k)).sorted().toList();
    List<String> missing =
        fields.stream()
            .filter(f -> f.required() && given.get(f.name()) == null)
            .map(Field::name)
            .toList();
    if (!unknown.isEmpty() || !missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Data of "
              + wireName
              + " does not match the event catalogue (R59, docs/audit-events.md): unknown"
              + " field(s) "
              + unknown
              + ", missing required field(s) "
              + missing);
    }
  }
}
