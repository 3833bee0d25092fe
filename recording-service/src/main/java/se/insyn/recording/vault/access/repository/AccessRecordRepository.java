package se.insyn.recording.vault.access.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AccessRecordRepository implements PanacheRepositoryBase<AccessRecord, UUID> {

  public List<AccessRecord> listFor(UUID recordingId) {
    return list("recordingId = ?1 order by at", recordingId);
  }
}
