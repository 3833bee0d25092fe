package se.insyn.audit.event.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import se.insyn.audit.event.repository.StoredEvent;

/**
 * An event of the trail as the API shows it: the fields of its leaf input and its place in the log,
 * so that its holder can ask for an inclusion proof.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventDto(
    long leafIndex,
    UUID id,
    String source,
    Long sequence,
    String type,
    Instant time,
    JsonNode actor,
    String subject,
    String purpose,
    String legalBasis,
    JsonNode data,
    String traceId) {

  static EventDto of(StoredEvent e, ObjectMapper json) {
    JsonNode leaf;
    try {
      leaf = json.readTree(e.leafInput);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Stored leaf input is not JSON at " + e.leafIndex, ex);
    }
    return new EventDto(
        e.leafIndex,
        e.id,
        e.source,
        e.sequence,
        e.type,
        e.occurredAt,
        leaf.get("actor"),
        e.subject,
        e.purpose,
        leaf.hasNonNull("legalBasis") ? leaf.get("legalBasis").textValue() : null,
        leaf.get("data"),
        leaf.hasNonNull("traceId") ? leaf.get("traceId").textValue() : null);
  }
}
