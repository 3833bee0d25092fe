package se.insyn.recording.vault.access.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AccessApprovalRepository implements PanacheRepositoryBase<AccessApproval, UUID> {

  /**
   * An approved, unused, unexpired approval of this person's access for this reason and case,
   * locked so that two playbacks at once cannot both use it.
   */
  public Optional<AccessApproval> usable(
      UUID recordingId, String requester, String reasonCode, String caseRef, Instant now) {
    return find(
            "recordingId = ?1 and requester = ?2 and reasonCode = ?3 and caseRef = ?4"
                + " and approvedBy is not null and approvedBy <> requester and usedAt is null"
                + " and expiresAt > ?5 order by approvedAt",
            recordingId,
            requester,
            reasonCode,
            caseRef,
            now)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResultOptional();
  }
}
