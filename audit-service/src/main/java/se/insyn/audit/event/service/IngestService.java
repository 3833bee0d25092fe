package se.insyn.audit.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import se.insyn.audit.log.merkle.Jcs;
import se.insyn.audit.log.repository.LeafRow;
import se.insyn.audit.log.service.AppendResult;
import se.insyn.audit.log.service.LogService;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;

/** Accepts batches of events from emitters: all or none, and idempotent by event id. */
@ApplicationScoped
public class IngestService {

  private final LogService log;

  IngestService(LogService log) {
    this.log = log;
  }

  /**
   * Validates and canonicalises the batch, then appends it; returns once it is committed. Not
   * transactional itself: the append runs in a transaction shared with concurrent batches. The
   * declared constraints are checked by {@link EventRules}, not by a Bean Validation interceptor.
   *
   * @param callerClientId the calling service account's client id; an emitter writes only as
   *     itself, so that one service cannot fill another's sequence gaps
   */
  public AppendResult ingest(EventBatch batch, String callerClientId) {
    List<Problem.Violation> invalid = EventRules.check(batch);
    if (!invalid.isEmpty()) {
      invalid.sort(Comparator.comparing(Problem.Violation::field));
      throw ProblemException.badRequest(
          "The batch has " + invalid.size() + " invalid field(s); nothing was stored.", invalid);
    }
    List<Problem.Violation> violations = new ArrayList<>();
    List<LeafRow> rows = new ArrayList<>(batch.events().size());
    for (int i = 0; i < batch.events().size(); i++) {
      EventInput event = batch.events().get(i);
      String field = "events[" + i + "]";
      if (!event.source().equals(callerClientId)) {
        violations.add(
            new Problem.Violation(
                field + ".source", "must be the calling client '" + callerClientId + "'"));
        continue;
      }
      try {
        rows.add(CanonicalEvent.of(field, event));
      } catch (Jcs.NotCanonicalisableException e) {
        violations.add(new Problem.Violation(field + "." + e.path(), e.getMessage()));
      }
    }
    if (!violations.isEmpty()) {
      throw ProblemException.badRequest(
          "The batch has " + violations.size() + " invalid field(s); nothing was stored.",
          violations);
    }
    return log.append(rows);
  }
}
