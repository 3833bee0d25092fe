package se.insyn.audit.event.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * One event as emitters send it (the shape of {@code se.insyn.outbox.AuditEvent}). {@code data} is
 * kept as a JSON tree so that its canonical form is computed from exactly what was sent; {@code
 * traceId} links the events of one call across services.
 *
 * <p>The constraints are the schema (they are in the OpenAPI document). Ingest checks them with
 * {@link EventRules}, a hand-written equivalent that is several times cheaper for batches of 1000;
 * {@code EventRulesTest} proves that both refuse the same fields with the same messages.
 */
public record EventInput(
    @NotNull UUID id,
    @NotBlank @Size(max = SHORT) @Pattern(regexp = NAME) String source,
    @PositiveOrZero Long sequence,
    @NotBlank @Size(max = SHORT) @Pattern(regexp = TYPE) String type,
    @NotNull Instant time,
    @NotNull @Valid Actor actor,
    @NotBlank @Size(max = LONG) @Pattern(regexp = TEXT) String subject,
    @Size(max = SHORT) @Pattern(regexp = TEXT) String purpose,
    @Size(max = SHORT) @Pattern(regexp = TEXT) String legalBasis,
    ObjectNode data,
    @Pattern(regexp = TRACE_ID, message = TRACE_ID_MESSAGE) String traceId) {

  /** The longest source, type, purpose, legal basis or client id. */
  static final int SHORT = 100;

  /** The longest subject (of the event or of its actor). */
  static final int LONG = 300;

  /** A service's name, e.g. {@code consent-service}. */
  static final String NAME = "[a-z][a-z0-9-]*";

  /** Dotted names, e.g. {@code recording.played} (the catalogue's are in docs/audit-events.md). */
  static final String TYPE = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+";

  /** Free text: at least one character and no ASCII control characters. */
  static final String TEXT = "[^\\p{Cntrl}]+";

  static final String TRACE_ID = "[0-9a-f]{32}";
  static final String TRACE_ID_MESSAGE = "must be a W3C trace id (32 lowercase hex)";

  /** A person or service account (subject + client id), or {@code system}. */
  public record Actor(
      @NotBlank @Size(max = LONG) @Pattern(regexp = TEXT) String subject,
      @Size(max = SHORT) @Pattern(regexp = TEXT) String clientId) {}
}
