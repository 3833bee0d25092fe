package se.insyn.recording.vault.discovery.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A recording found on a platform's own store. QUARANTINED when no PERMIT decision made it: only
 * incident handlers reach it and only the DPO's decision ends the quarantine.
 */
@Entity
@Table(name = "discovered_recording")
public class DiscoveredRecording {

  public enum Status {
    MATCHED,
    QUARANTINED,
    KEPT_AS_EVIDENCE,
    DISPOSED
  }

  public enum Decision {
    DISPOSE,
    KEEP_AS_EVIDENCE
  }

  public enum ContentState {
    UPLOADING,
    SEALED
  }

  @Id public UUID id;

  @Column(name = "batch_id", nullable = false)
  public UUID batchId;

  @Column(nullable = false)
  public String platform;

  @Column(name = "external_id", nullable = false)
  public String externalId;

  @Column(name = "channel_id")
  public UUID channelId;

  public String address;

  @Column(name = "call_id")
  public String callId;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Column(name = "duration_seconds", nullable = false)
  public int durationSeconds;

  @Column(name = "caller_hmac")
  public String callerHmac;

  /** When the organisation became aware of it: the start of the 72-hour clock (R64). */
  @Column(name = "found_at", nullable = false)
  public Instant foundAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Status status;

  @Column(name = "matched_recording_id")
  public UUID matchedRecordingId;

  @Enumerated(EnumType.STRING)
  @Column(name = "content_state")
  public ContentState contentState;

  @Column(name = "content_type")
  public String contentType;

  @Column(name = "content_size")
  public Long contentSize;

  @Column(name = "content_hash")
  public String contentHash;

  @Enumerated(EnumType.STRING)
  public Decision decision;

  @Column(name = "decision_ref")
  public String decisionRef;

  @Column(name = "hold_id")
  public UUID holdId;

  public String rationale;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "disposal_receipt", columnDefinition = "jsonb")
  public Map<String, Object> disposalReceipt;

  public String blobKey() {
    return "discovered/" + id;
  }
}
