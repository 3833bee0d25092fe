package se.insyn.recording.vault.subjectaccess.rest;

import java.time.Instant;
import java.util.UUID;
import se.insyn.recording.vault.access.repository.AccessApproval;

/** A DPO's request for a subject-access copy of a secrecy-classed recording and its approval. */
public record CopyApprovalDto(
    UUID id,
    UUID recordingId,
    String requester,
    String requestRef,
    String reasonCode,
    Instant requestedAt,
    String approvedBy,
    Instant approvedAt,
    Instant expiresAt) {

  static CopyApprovalDto of(AccessApproval a) {
    return new CopyApprovalDto(
        a.id,
        a.recordingId,
        a.requester,
        a.caseRef,
        a.reasonCode,
        a.requestedAt,
        a.approvedBy,
        a.approvedAt,
        a.expiresAt);
  }
}
