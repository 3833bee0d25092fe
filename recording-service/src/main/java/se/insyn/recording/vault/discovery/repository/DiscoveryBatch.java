package se.insyn.recording.vault.discovery.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One registration of recordings found on a platform's store; one incident at most. */
@Entity
@Table(name = "discovery_batch")
public class DiscoveryBatch {

  @Id public UUID id;

  @Column(nullable = false)
  public String platform;

  @Column(name = "found_at", nullable = false)
  public Instant foundAt;

  @Column(name = "registered_by", nullable = false)
  public String registeredBy;

  @Column(name = "registered_at", nullable = false)
  public Instant registeredAt;

  @Column(nullable = false)
  public int quarantined;
}
