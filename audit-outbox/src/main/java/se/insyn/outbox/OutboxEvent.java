package se.insyn.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of the outbox: one audit event waiting for (or past) delivery. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long position;

  @Column(nullable = false, unique = true)
  public UUID id;

  @Column(nullable = false)
  public String type;

  @Column(nullable = false)
  public String subject;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public String payload;

  @Column(name = "source_sequence")
  public Long sourceSequence;

  @Column(name = "delivered_at")
  public Instant deliveredAt;
}
