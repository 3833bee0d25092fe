package se.insyn.recording.vault.access.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AccessApprovalRepository implements PanacheRepositoryBase<AccessApproval, UUID> {

  public boolean approved(UUID recordingId, String requester, String reasonCode, String caseRef) {
    return count(
            "recordingId = ?1 and requester = ?2 and reasonCode = ?3 and caseRef = ?4"
                + " and approvedBy <> requester",
            recordingId,
            requester,
            reasonCode,
            caseRef)
        > 0;
  }
}
