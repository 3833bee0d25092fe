package se.insyn.recording.vault.access.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One person's request for access to a secrecy-classed recording for one case, and a second
 * reviewer's approval of it (R35, R50): used by one playback, void after {@code expiresAt}.
 */
@Entity
@Table(name = "access_approval")
public class AccessApproval {

  @Id public UUID id;

  @Column(name = "recording_id", nullable = false)
  public UUID recordingId;

  @Column(nullable = false)
  public String requester;

  @Column(name = "reason_code", nullable = false)
  public String reasonCode;

  @Column(name = "case_ref", nullable = false)
  public String caseRef;

  @Column(name = "requested_at", nullable = false)
  public Instant requestedAt;

  @Column(name = "approved_by")
  public String approvedBy;

  @Column(name = "approved_at")
  public Instant approvedAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "used_at")
  public Instant usedAt;
}
