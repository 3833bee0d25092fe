package se.insyn.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.insyn.events.EventType;
import se.insyn.identity.Caller;

/**
 * Writes audit events into the outbox. It joins the caller's transaction and refuses to run without
 * one, so an event can never be committed without the change it describes, or the reverse.
 */
@ApplicationScoped
public class AuditOutbox {

  private final OutboxRepository repository;
  private final ObjectMapper json;
  private final Instance<SecurityIdentity> identity;
  private final String source;

  AuditOutbox(
      OutboxRepository repository,
      ObjectMapper json,
      Instance<SecurityIdentity> identity,
      @ConfigProperty(name = "quarkus.application.name") String source) {
    this.repository = repository;
    this.json = json;
    this.identity = identity;
    this.source = source;
  }

  /**
   * Records an event caused by the current caller (or the system when there is none).
   *
   * @return the event's id, stable across delivery retries
   * @throws IllegalArgumentException when the type is another service's or the data does not match
   *     the type's fields in the catalogue (R59): a programming error
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID record(
      EventType type, String subject, String purpose, String legalBasis, Map<String, Object> data) {
    return record(type, subject, currentActor(), purpose, legalBasis, data);
  }

  /** Records an event with an explicit actor, e.g. {@link AuditEvent.Actor#SYSTEM} for jobs. */
  @Transactional(Transactional.TxType.MANDATORY)
  public UUID record(
      EventType type,
      String subject,
      AuditEvent.Actor actor,
      String purpose,
      String legalBasis,
      Map<String, Object> data) {
    if (!type.source().serviceName().equals(source)) {
      throw new IllegalArgumentException(
          type.wireName()
              + " is emitted by "
              + type.source().serviceName()
              + ", not by "
              + source
              + " (R59 event catalogue)");
    }
    type.check(data);
    AuditEvent event =
        new AuditEvent(
            UUID.randomUUID(),
            source,
            null,
            type.wireName(),
            Instant.now(),
            actor,
            subject,
            purpose,
            legalBasis,
            data,
            currentTraceId());
    OutboxEvent row = new OutboxEvent();
    row.id = event.id();
    row.type = event.type();
    row.subject = subject;
    row.occurredAt = event.time();
    try {
      row.payload = json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit event data is not serialisable: " + row.type, e);
    }
    repository.persist(row);
    return event.id();
  }

  /** The trace id of the call being served, or null outside a traced call. */
  static String currentTraceId() {
    SpanContext context = Span.current().getSpanContext();
    return context.isValid() ? context.getTraceId() : null;
  }

  /**
   * The authenticated caller as an audit actor: their token's {@code sub}, never the renamable user
   * name, and the client the token was issued to (issue 21 item 3).
   */
  public AuditEvent.Actor currentActor() {
    if (!identity.isResolvable() || identity.get().isAnonymous()) {
      return AuditEvent.Actor.SYSTEM;
    }
    Caller caller = Caller.of(identity.get());
    return new AuditEvent.Actor(caller.subject(), caller.client());
  }
}
