package se.insyn.recording.gate.policy.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A recording policy: the identity its versions share. */
@Entity
@Table(name = "policy")
public class Policy {

  @Id public UUID id;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public Instant createdAt;
}
