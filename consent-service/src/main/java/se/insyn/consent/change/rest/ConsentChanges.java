package se.insyn.consent.change.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.insyn.consent.change.repository.ConsentChange;
import se.insyn.consent.change.service.ConsentChangeFeed;

/**
 * A page of the change feed.
 *
 * @param next the position to ask after next time: the last one in this page, or the one asked
 *     after when the page is empty
 */
public record ConsentChanges(List<Change> changes, long next) {

  /**
   * One consent that stopped counting. Deliberately no subject: only the consent and its purpose.
   *
   * @param position gap-free and in commit order
   * @param change WITHDRAWN, or SUPERSEDED by a later refusal or objection
   */
  public record Change(
      long position,
      UUID consentId,
      String purpose,
      @Schema(examples = "WITHDRAWN") ConsentChange.Kind change,
      Instant at) {

    static Change of(ConsentChange c) {
      return new Change(c.position, c.consentId, c.purposeCode, c.change, c.changedAt);
    }
  }

  static ConsentChanges of(ConsentChangeFeed.Page page) {
    List<ConsentChange> changes = page.changes();
    return new ConsentChanges(
        changes.stream().map(Change::of).toList(),
        changes.isEmpty() ? page.after() : changes.get(changes.size() - 1).position);
  }
}
