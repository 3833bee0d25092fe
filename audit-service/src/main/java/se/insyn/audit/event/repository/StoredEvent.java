package se.insyn.audit.event.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event of the trail as it was received. */
@Entity
@Table(name = "audit_event")
public class StoredEvent {

  @Id public UUID id;

  @Column(nullable = false)
  public String source;

  public Long sequence;

  @Column(nullable = false)
  public String type;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(nullable = false)
  public String subject;

  @Column(name = "received_at", nullable = false, insertable = false, updatable = false)
  public Instant receivedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public String body;
}
