package se.insyn.audit.log.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * An event ready to be appended: its canonical JSON (the leaf input) and the fields copied out of
 * it for querying. {@code field} names it in the request (e.g. {@code events[3]}) for error
 * reports.
 */
public record LeafRow(
    String field,
    UUID id,
    String source,
    Long sequence,
    String type,
    Instant occurredAt,
    String actorSubject,
    String subject,
    String purpose,
    String traceId,
    String leafInput) {}
