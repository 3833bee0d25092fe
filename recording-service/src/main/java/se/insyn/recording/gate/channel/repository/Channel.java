package se.insyn.recording.gate.channel.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "channel")
public class Channel {

  /** Each kind is recorded (or not) under policies of its own (R28). */
  public enum Kind {
    PHONE_LINE,
    PHONE_QUEUE,
    VOICEMAIL,
    VIDEO_MEETING
  }

  /** Lines that can never be in a policy's scope (R38). */
  public enum ProtectedClass {
    WHISTLEBLOWING,
    SAFETY_REP,
    OCCUPATIONAL_HEALTH,
    LEGAL_COUNSEL,
    EDITORIAL
  }

  /** Secrecy classes that tighten access to what is recorded on the line (R35). */
  public enum SecrecyClass {
    SOCIAL_SERVICES,
    HEALTH_CARE,
    PERSONNEL
  }

  @Id public UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Kind kind;

  /** E.164 number, queue id, mailbox id or meeting type. */
  @Column(nullable = false)
  public String address;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "protected_class")
  public ProtectedClass protectedClass;

  @Enumerated(EnumType.STRING)
  @Column(name = "secrecy_class")
  public SecrecyClass secrecyClass;

  /**
   * The client id ({@code azp}) of the phone system or meeting platform that serves the channel;
   * only it may ask "may I record?" here. Null: no platform may (issue 21).
   */
  public String platform;

  @Column(name = "public_records_line", nullable = false)
  public boolean publicRecordsLine;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  public Instant createdAt;
}
