package se.insyn.recording.recording.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A permitted recording. It carries the policy version it was decided under (R9); the caller's
 * number only as a keyed HMAC (R33).
 */
@Entity
@Table(name = "recording")
public class Recording {

  /**
   * PERMITTED until the platform confirms the notice has played (R20). A recording stopped because
   * a consent it relied on was withdrawn says so in its state, not only in its stop reason (issue
   * 7): its content may not be stored.
   */
  public enum State {
    PERMITTED,
    RECORDING,
    STOPPED,
    STOPPED_CONSENT_WITHDRAWN
  }

  public enum Direction {
    INBOUND,
    OUTBOUND
  }

  public enum Trigger {
    CALL_START,
    ON_DEMAND
  }

  public enum StopReason {
    ENDED,
    TRANSFER_OUT_OF_SCOPE,
    KILL_SWITCH,
    CONSENT_WITHDRAWN
  }

  @Id public UUID id;

  @Column(name = "channel_id", nullable = false)
  public UUID channelId;

  @Column(name = "policy_version_id", nullable = false)
  public UUID policyVersionId;

  @Column(name = "policy_id", nullable = false)
  public UUID policyId;

  @Column(name = "policy_version", nullable = false)
  public int policyVersion;

  /**
   * The client id ({@code azp}) of the platform that got the PERMIT; only it may start, transfer,
   * stop or upload (issue 21). Null for recordings made before platforms were scoped.
   */
  public String platform;

  @Column(name = "call_id", nullable = false)
  public String callId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Direction direction;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Trigger trigger;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public State state;

  @Column(name = "caller_hmac")
  public String callerHmac;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "employee_subjects", nullable = false, columnDefinition = "jsonb")
  public List<String> employeeSubjects = new ArrayList<>();

  @Column(name = "notice_version")
  public String noticeVersion;

  @Column(name = "consent_decision_id")
  public String consentDecisionId;

  @Column(name = "delete_after")
  public Instant deleteAfter;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "stopped_at")
  public Instant stoppedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "stop_reason")
  public StopReason stopReason;

  /** The consents (consent-service ids) the PERMIT relied on; a withdrawal of one stops it. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "consent_ids", nullable = false, columnDefinition = "jsonb")
  public List<String> consentIds = new ArrayList<>();

  /** UPLOADING while bytes arrive, SEALED once hashed and sealed (R32); null before any upload. */
  @Enumerated(EnumType.STRING)
  @Column(name = "content_state")
  public ContentState contentState;

  @Column(name = "content_type")
  public String contentType;

  @Column(name = "content_size")
  public Long contentSize;

  /** SHA-256 of the plaintext, hex. */
  @Column(name = "content_hash")
  public String contentHash;

  /** HMAC over the hash and the metadata it is bound to (R32). */
  @Column(name = "content_seal")
  public String contentSeal;

  /** The KEK whose derived key made {@link #contentSeal}; re-sealed when the KEK rotates. */
  @Column(name = "seal_kek_id")
  public String sealKekId;

  /** When the current upload began; finds uploads that died with their instance. */
  @Column(name = "upload_started_at")
  public Instant uploadStartedAt;

  @Column(name = "sealed_at")
  public Instant sealedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "disposal_stage")
  public DisposalStage disposalStage;

  @Column(name = "disposed_at")
  public Instant disposedAt;

  /** The disposal receipt (R44), shown with 410 Gone afterwards. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "disposal_receipt", columnDefinition = "jsonb")
  public Map<String, Object> disposalReceipt;

  /**
   * UPLOADING while bytes arrive; SEALED once hashed and sealed; UPLOAD_FAILED when an upload died
   * with its instance and was cleaned up (key and partial bytes destroyed; a new upload may
   * follow).
   */
  public enum ContentState {
    UPLOADING,
    SEALED,
    UPLOAD_FAILED
  }

  /** KEY_DESTROYED: crypto-shredded, bytes may still need deleting; DISPOSED: done, receipted. */
  public enum DisposalStage {
    KEY_DESTROYED,
    DISPOSED
  }

  public boolean disposed() {
    return disposalStage != null;
  }

  public String blobKey() {
    return "recordings/" + id;
  }

  public boolean inProgress() {
    return state == State.PERMITTED || state == State.RECORDING;
  }
}
