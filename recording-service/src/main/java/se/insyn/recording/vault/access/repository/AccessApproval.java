package se.insyn.recording.vault.access.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A second reviewer's approval of one person's access for one case (R35, R50). */
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

  @Column(name = "approved_by", nullable = false)
  public String approvedBy;

  @Column(name = "approved_at", nullable = false)
  public Instant approvedAt;
}
