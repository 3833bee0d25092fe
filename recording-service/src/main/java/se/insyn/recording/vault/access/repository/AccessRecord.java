package se.insyn.recording.vault.access.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who reached (or was refused) a recording's content, why and when (R51, R54, R56). */
@Entity
@Table(name = "access_record")
public class AccessRecord {

  public enum Action {
    PLAYBACK,
    COPY,
    APPROVAL,
    DENIED
  }

  @Id public UUID id;

  @Column(name = "recording_id", nullable = false)
  public UUID recordingId;

  @Column(nullable = false)
  public String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Action action;

  @Column(name = "reason_code")
  public String reasonCode;

  @Column(name = "case_ref")
  public String caseRef;

  public String purpose;

  public String detail;

  @Column(nullable = false)
  public Instant at;
}
