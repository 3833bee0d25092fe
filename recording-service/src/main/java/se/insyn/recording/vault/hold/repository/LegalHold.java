package se.insyn.recording.vault.hold.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A legal hold (R46): the recordings it names, or every recording on a channel inside a time window
 * (including ones made after the hold was placed), are kept from disposal until release.
 */
@Entity
@Table(name = "legal_hold")
public class LegalHold {

  public enum Reason {
    DOCUMENT_REQUEST,
    APPEAL,
    SUPERVISORY_MATTER,
    INCIDENT,
    POLICE_REPORT
  }

  @Id public UUID id;

  @Column(name = "case_ref", nullable = false)
  public String caseRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Reason reason;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "legal_hold_recording", joinColumns = @JoinColumn(name = "hold_id"))
  @Column(name = "recording_id")
  public Set<UUID> recordingIds = new LinkedHashSet<>();

  @Column(name = "channel_id")
  public UUID channelId;

  @Column(name = "window_from")
  public Instant windowFrom;

  @Column(name = "window_to")
  public Instant windowTo;

  @Column(name = "placed_by", nullable = false)
  public String placedBy;

  @Column(name = "placed_at", nullable = false)
  public Instant placedAt;

  @Column(name = "released_by")
  public String releasedBy;

  @Column(name = "released_at")
  public Instant releasedAt;

  @Column(name = "release_reason")
  public String releaseReason;

  public boolean active() {
    return releasedAt == null;
  }
}
