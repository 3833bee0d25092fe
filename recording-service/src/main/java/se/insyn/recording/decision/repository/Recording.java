package se.insyn.recording.decision.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

  /** PERMITTED until the platform confirms the notice has played (R20). */
  public enum State {
    PERMITTED,
    RECORDING,
    STOPPED
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
    KILL_SWITCH
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

  public boolean inProgress() {
    return state != State.STOPPED;
  }
}
