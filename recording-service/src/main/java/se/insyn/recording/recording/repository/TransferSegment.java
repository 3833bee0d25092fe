package se.insyn.recording.recording.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One transfer of a recorded call (R27): the line it went to, when, and whether recording could go
 * on there. The recording itself stays on the line it was made on (issue 20 item 1).
 */
@Entity
@Table(name = "recording_transfer")
public class TransferSegment {

  @Id public UUID id;

  @Column(name = "recording_id", nullable = false)
  public UUID recordingId;

  @Column(name = "target_channel_id", nullable = false)
  public UUID targetChannelId;

  @Column(name = "transferred_at", nullable = false)
  public Instant transferredAt;

  /** False: the target was out of the policy's scope, protected or killed; recording stopped. */
  @Column(name = "in_scope", nullable = false)
  public boolean inScope;
}
