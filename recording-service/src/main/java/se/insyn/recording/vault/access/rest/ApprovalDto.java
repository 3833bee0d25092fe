package se.insyn.recording.vault.access.rest;

import java.time.Instant;
import java.util.UUID;
import se.insyn.recording.vault.access.repository.AccessApproval;

/** An access request and, once given, its approval (R50). */
public record ApprovalDto(
    UUID id,
    UUID recordingId,
    String requester,
    String reasonCode,
    String caseRef,
    Instant requestedAt,
    String approvedBy,
    Instant approvedAt,
    Instant expiresAt,
    Instant usedAt) {

  static ApprovalDto of(AccessApproval a) {
    return new ApprovalDto(
        a.id,
        a.recordingId,
        a.requester,
        a.reasonCode,
        a.caseRef,
        a.requestedAt,
        a.approvedBy,
        a.approvedAt,
        a.expiresAt,
        a.usedAt);
  }
}
