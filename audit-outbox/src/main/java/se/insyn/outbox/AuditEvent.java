package se.insyn.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One event of the audit trail as emitters send it to {@code POST /api/v1/events} (the contract is
 * documented in docs/audit-events.md). {@code data} never holds recorded content, and phone numbers
 * in it are already pseudonymised (R62).
 *
 * @param sequence the gap-free per-source number; null until the relay assigns it at delivery
 * @param traceId the W3C trace id (32 lowercase hex) of the call that caused the event, so one call
 *     can be followed across services; null when there was none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
    UUID id,
    String source,
    Long sequence,
    String type,
    Instant time,
    Actor actor,
    String subject,
    String purpose,
    String legalBasis,
    Map<String, Object> data,
    String traceId) {

  /** Who caused the event: a person or service account (subject + client id), or the system. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Actor(String subject, String clientId) {

    public static final Actor SYSTEM = new Actor("system", null);
  }

  public AuditEvent withSequence(long assigned) {
    return new AuditEvent(
        id, source, assigned, type, time, actor, subject, purpose, legalBasis, data, traceId);
  }
}
