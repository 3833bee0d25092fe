package se.insyn.consent.choice.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import se.insyn.consent.subject.SubjectType;

/** One choice a person made, with its evidence (R11). Only the withdrawal fields ever change. */
@Entity
@Table(name = "consent")
public class Consent {

  /**
   * The affirmative answers a person can give; there is deliberately no value for silence (R12).
   */
  public enum Choice {
    GIVEN,
    REFUSED
  }

  /** How the person expressed the choice. */
  public enum Mechanism {
    /** A click in a user interface. */
    UI,
    /** A key pressed on the phone. */
    DTMF,
    /** A spoken answer. */
    SPOKEN
  }

  @Id public UUID id;

  @Column(name = "purpose_code", nullable = false)
  public String purposeCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_type", nullable = false)
  public SubjectType subjectType;

  /** The employee's token subject, or the HMAC of the phone number. */
  @Column(name = "subject_ref", nullable = false)
  public String subjectRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Choice choice;

  /** The one session the choice is for; null for a standing choice. */
  @Column(name = "session_id")
  public String sessionId;

  @Column(name = "notice_version", nullable = false)
  public int noticeVersion;

  @Column(name = "notice_hash", nullable = false)
  public String noticeHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Mechanism mechanism;

  @Column(name = "interaction_id")
  public String interactionId;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  public String recordedBy;

  /**
   * The client ({@code azp}) that recorded the choice: for a caller's choice the platform, which
   * alone may withdraw it (issue 21). Null for a caller's choice recorded before that rule whose
   * recorder could not be told: no platform may withdraw it.
   */
  @Column(name = "recorded_by_client")
  public String recordedByClient;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "withdrawn_at")
  public Instant withdrawnAt;

  @Column(name = "withdrawn_by")
  public String withdrawnBy;

  @Column(name = "withdrawal_interaction_id")
  public String withdrawalInteractionId;

  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !expiresAt.isAfter(now);
  }
}
