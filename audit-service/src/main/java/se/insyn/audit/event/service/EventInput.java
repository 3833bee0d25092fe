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
 */
public record EventInput(
    @NotNull UUID id,
    @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9-]*") String source,
    @PositiveOrZero Long sequence,
    @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")
        String type,
    @NotNull Instant time,
    @NotNull @Valid Actor actor,
    @NotBlank @Size(max = 300) @Pattern(regexp = "[^\\p{Cntrl}]+") String subject,
    @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]+") String purpose,
    @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]+") String legalBasis,
    ObjectNode data,
    @Pattern(regexp = "[0-9a-f]{32}", message = "must be a W3C trace id (32 lowercase hex)")
        String traceId) {

  /** A person or service account (subject + client id), or {@code system}. */
  public record Actor(
      @NotBlank @Size(max = 300) @Pattern(regexp = "[^\\p{Cntrl}]+") String subject,
      @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]+") String clientId) {}
}
