package se.insyn.consent.choice.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import se.insyn.consent.choice.repository.Consent;

/**
 * A recorded choice with its evidence, as its own subject (or the recorder that recorded it) sees
 * it. The subject itself is not repeated: for a citizen it exists here only as a pseudonym.
 *
 * @param state GIVEN or REFUSED while in force; WITHDRAWN, EXPIRED, or SUPERSEDED by a later choice
 *     for the same purpose and scope
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentDto(
    UUID id,
    String purpose,
    Consent.Choice choice,
    String scope,
    String sessionId,
    int noticeVersion,
    String noticeHash,
    Consent.Mechanism mechanism,
    String interactionId,
    Instant recordedAt,
    Instant expiresAt,
    Instant withdrawnAt,
    String state) {

  static ConsentDto of(Consent c, boolean superseded) {
    String state;
    if (c.withdrawnAt != null) {
      state = "WITHDRAWN";
    } else if (c.isExpiredAt(Instant.now())) {
      state = "EXPIRED";
    } else if (superseded) {
      state = "SUPERSEDED";
    } else {
      state = c.choice.name();
    }
    return new ConsentDto(
        c.id,
        c.purposeCode,
        c.choice,
        c.sessionId == null ? "STANDING" : "SESSION",
        c.sessionId,
        c.noticeVersion,
        c.noticeHash,
        c.mechanism,
        c.interactionId,
        c.recordedAt,
        c.expiresAt,
        c.withdrawnAt,
        state);
  }
}
