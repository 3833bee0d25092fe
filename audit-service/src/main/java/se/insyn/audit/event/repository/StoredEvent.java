package se.insyn.audit.event.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event of the trail, read-only: rows are written by the log's batched append. {@code leafInput}
 * is the canonical JSON that was hashed into the log.
 */
@Entity
@Table(name = "audit_event")
public class StoredEvent {

  @Id
  @Column(name = "leaf_index")
  public Long leafIndex;

  @Column(nullable = false)
  public UUID id;

  @Column(nullable = false)
  public String source;

  public Long sequence;

  @Column(nullable = false)
  public String type;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;

  @Column(name = "actor_subject", nullable = false)
  public String actorSubject;

  @Column(nullable = false)
  public String subject;

  public String purpose;

  @Column(name = "trace_id")
  public String traceId;

  @Column(name = "received_at", nullable = false)
  public Instant receivedAt;

  @Column(name = "leaf_input", nullable = false, columnDefinition = "text")
  public String leafInput;

  @Column(name = "leaf_hash", nullable = false)
  public byte[] leafHash;
}
