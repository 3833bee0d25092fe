package se.insyn.recording.vault.access.rest;

import java.time.Instant;
import java.util.UUID;
import se.insyn.recording.vault.access.repository.AccessApproval;

public record ApprovalDto(
    UUID id,
    UUID recordingId,
    String requester,
    String reasonCode,
    String caseRef,
    String approvedBy,
    Instant approvedAt) {

  static ApprovalDto of(AccessApproval a) {
    return new ApprovalDto(
        a.id, a.recordingId, a.requester, a.reasonCode, a.caseRef, a.approvedBy, a.approvedAt);
  }
}
