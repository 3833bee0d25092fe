package se.insyn.consent.change.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.insyn.consent.change.repository.ConsentChange;
import se.insyn.consent.change.repository.ConsentChangeRepository;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;

/**
 * The feed of consents that stopped counting, for followers that must stop what relied on them (the
 * recording-service stops recordings whose consent was withdrawn, R14). Changes are written in the
 * transaction of the withdrawal or refusal that causes them; followers read them by position.
 */
@ApplicationScoped
public class ConsentChangeFeed {

  /** Changes read after a position (the position itself is what was asked, once validated). */
  public record Page(List<ConsentChange> changes, long after) {}

  public static final int DEFAULT_LIMIT = 500;
  public static final int MAX_LIMIT = 1000;

  private final ConsentChangeRepository changes;

  ConsentChangeFeed(ConsentChangeRepository changes) {
    this.changes = changes;
  }

  /**
   * Records that a consent was withdrawn. The feed takes ids, not the choice entity, so that the
   * choice feature depends on the feed and never the other way round.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void withdrawn(UUID consentId, String purposeCode) {
    changes.append(consentId, purposeCode, ConsentChange.Kind.WITHDRAWN);
  }

  /**
   * Records that a refusal replaced a consent, once per consent: one reported before (by an earlier
   * refusal) is not reported again.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void superseded(UUID consentId, String purposeCode) {
    if (!changes.existsForConsent(consentId)) {
      changes.append(consentId, purposeCode, ConsentChange.Kind.SUPERSEDED);
    }
  }

  /**
   * Changes after a position, oldest first. Parameters arrive as written in the query string so
   * that anything malformed is a 400 naming the parameter.
   *
   * @param after the last position the follower has read; none means from the start
   * @param limit at most this many, 1 to {@link #MAX_LIMIT}; none means {@link #DEFAULT_LIMIT}
   */
  public Page after(String after, String limit) {
    List<Problem.Violation> violations = new ArrayList<>();
    long from = parse(after, 0, Long.MAX_VALUE, 0, "after", violations);
    long count = parse(limit, 1, MAX_LIMIT, DEFAULT_LIMIT, "limit", violations);
    if (!violations.isEmpty()) {
      throw ProblemException.badRequest(
          "The request has " + violations.size() + " invalid parameter(s).", violations);
    }
    return new Page(changes.listAfter(from, (int) count), from);
  }

  private static long parse(
      String value, long min, long max, long fallback, String name, List<Problem.Violation> out) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    if (value.matches("[0-9]{1,18}")) {
      long parsed = Long.parseLong(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    }
    out.add(new Problem.Violation(name, "a whole number from " + min + " to " + max));
    return fallback;
  }
}
