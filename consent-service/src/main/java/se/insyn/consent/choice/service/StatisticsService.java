package se.insyn.consent.choice.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import se.insyn.consent.choice.repository.ConsentRepository;
import se.insyn.consent.config.ConsentConfig;
import se.insyn.consent.purpose.repository.PurposeRepository;
import se.insyn.problem.ProblemException;

/**
 * Aggregates of people's choices, the only view of them that administrators get (R17, R76). Counts
 * below the configured minimum are suppressed, and no total is given from which they could be
 * recovered.
 */
@ApplicationScoped
public class StatisticsService {

  /** Choices in force with one notice version and state; {@code count} is a number or "&lt;n". */
  public record Count(int noticeVersion, String state, String count) {}

  private final ConsentRepository consents;
  private final PurposeRepository purposes;
  private final int minimum;

  StatisticsService(ConsentRepository consents, PurposeRepository purposes, ConsentConfig config) {
    this.consents = consents;
    this.purposes = purposes;
    this.minimum = config.statisticsMinimumCount();
  }

  public List<Count> statistics(String purposeCode) {
    if (purposes.findByCode(purposeCode).isEmpty()) {
      throw ProblemException.notFound("No purpose '" + purposeCode + "'.");
    }
    return consents.countInForce(purposeCode).stream()
        .map(
            c ->
                new Count(
                    c.noticeVersion(),
                    c.state(),
                    c.count() < minimum ? "<" + minimum : Long.toString(c.count())))
        .toList();
  }

  public int minimum() {
    return minimum;
  }
}
