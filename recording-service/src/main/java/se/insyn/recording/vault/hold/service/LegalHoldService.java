package se.insyn.recording.vault.hold.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.recording.vault.hold.repository.LegalHold;
import se.insyn.recording.vault.hold.repository.LegalHoldRepository;

/**
 * Places and releases legal holds (R46). A hold locks the recordings it covers before it commits,
 * so the disposal job (which skips locked rows and re-checks holds) can never shred a recording
 * that is being held.
 */
@ApplicationScoped
public class LegalHoldService {

  /** The length of legal_hold.release_reason. */
  static final int MAX_RELEASE_REASON = 2000;

  private final LegalHoldRepository holds;
  private final AuditOutbox audit;

  LegalHoldService(LegalHoldRepository holds, AuditOutbox audit) {
    this.holds = holds;
    this.audit = audit;
  }

  @Transactional
  public HoldView place(@Valid @NotNull NewHold request, String actor) {
    NewHold.Criteria c = request.criteria();
    boolean byIds = c.recordingIds() != null && !c.recordingIds().isEmpty();
    boolean byWindow = c.channelId() != null || c.from() != null || c.to() != null;
    List<Problem.Violation> violations = new ArrayList<>();
    if (byIds == byWindow) {
      violations.add(
          new Problem.Violation(
              "criteria", "give either recordingIds or channelId with from and to"));
    } else if (byWindow) {
      if (c.channelId() == null) {
        violations.add(new Problem.Violation("criteria.channelId", "must not be null"));
      }
      if (c.from() == null || c.to() == null || !c.from().isBefore(c.to())) {
        violations.add(new Problem.Violation("criteria.to", "from and to, with from before to"));
      }
    }
    if (!violations.isEmpty()) {
      throw ProblemException.badRequest("The hold's criteria are incomplete", violations);
    }
    LegalHold hold = new LegalHold();
    hold.id = UUID.randomUUID();
    hold.caseRef = request.caseRef();
    hold.reason = request.reason();
    hold.placedBy = actor;
    hold.placedAt = Instant.now();
    List<LegalHoldRepository.Covered> found;
    if (byIds) {
      Set<UUID> ids = new LinkedHashSet<>(c.recordingIds());
      found = holds.lockRecordings(ids);
      Set<UUID> known = new LinkedHashSet<>();
      found.forEach(f -> known.add(f.id()));
      List<Problem.Violation> unknown = new ArrayList<>();
      int i = 0;
      for (UUID id : c.recordingIds()) {
        if (!known.contains(id)) {
          unknown.add(
              new Problem.Violation("criteria.recordingIds[" + i + "]", "no recording " + id));
        }
        i++;
      }
      if (!unknown.isEmpty()) {
        throw ProblemException.unprocessable(
            "Unknown recordings",
            "Some recording ids name no recording; nothing was held",
            unknown);
      }
      hold.recordingIds.addAll(ids);
    } else {
      hold.channelId = c.channelId();
      hold.windowFrom = c.from();
      hold.windowTo = c.to();
      found = holds.lockRecordings(c.channelId(), c.from(), c.to());
    }
    holds.persist(hold);
    List<UUID> covered = found.stream().filter(f -> !f.disposed()).map(f -> f.id()).toList();
    List<UUID> disposed = found.stream().filter(f -> f.disposed()).map(f -> f.id()).toList();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("caseRef", hold.caseRef);
    data.put("reason", hold.reason.name());
    data.put("recordingIds", hold.recordingIds.stream().map(UUID::toString).toList());
    data.put("channelId", hold.channelId == null ? null : hold.channelId.toString());
    data.put("from", hold.windowFrom == null ? null : hold.windowFrom.toString());
    data.put("to", hold.windowTo == null ? null : hold.windowTo.toString());
    data.put("placedBy", actor);
    data.put("covered", covered.size());
    data.put("alreadyDisposed", disposed.stream().map(UUID::toString).toList());
    audit.record(EventType.LEGALHOLD_PLACED, "legal-hold/" + hold.id, null, null, data);
    return new HoldView(hold, covered, disposed);
  }

  /**
   * Releases a hold (R46): a release lets the next disposal run crypto-shred what the hold kept, so
   * it takes a stated reason and a second person: whoever releases must not be whoever placed it.
   */
  @Transactional
  public LegalHold release(@NotNull UUID id, String reason, String actor) {
    if (reason == null || reason.isBlank()) {
      throw ProblemException.badRequest(
          "R46: releasing a legal hold needs a reason",
          List.of(new Problem.Violation("reason", "must not be blank")));
    }
    if (reason.length() > MAX_RELEASE_REASON) {
      throw ProblemException.badRequest(
          "The release reason is too long",
          List.of(
              new Problem.Violation("reason", "at most " + MAX_RELEASE_REASON + " characters")));
    }
    LegalHold hold = find(id);
    if (!hold.active()) {
      throw ProblemException.conflict("The hold was already released");
    }
    if (hold.placedBy.equals(actor)) {
      throw ProblemException.forbidden(
          "R46: a legal hold is released by a second person, not by the one who placed it");
    }
    hold.releasedBy = actor;
    hold.releasedAt = Instant.now();
    hold.releaseReason = reason;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("caseRef", hold.caseRef);
    data.put("reason", reason);
    data.put("placedBy", hold.placedBy);
    data.put("releasedBy", actor);
    audit.record(EventType.LEGALHOLD_RELEASED, "legal-hold/" + hold.id, null, null, data);
    return hold;
  }

  @Transactional
  public LegalHold get(@NotNull UUID id) {
    return find(id);
  }

  @Transactional
  public List<LegalHold> list() {
    return holds.listNewestFirst();
  }

  private LegalHold find(UUID id) {
    return holds
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("No legal hold " + id));
  }
}
