package se.insyn.recording.vault.discovery.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DiscoveredRecordingRepository
    implements PanacheRepositoryBase<DiscoveredRecording, UUID> {

  public boolean exists(String platform, String externalId) {
    return count("platform = ?1 and externalId = ?2", platform, externalId) > 0;
  }

  public List<DiscoveredRecording> listByBatch(UUID batchId) {
    return list("batchId = ?1 order by externalId", batchId);
  }

  public List<DiscoveredRecording> listByStatus(DiscoveredRecording.Status status, int limit) {
    return find("status = ?1 order by foundAt, id", status).page(0, limit).list();
  }
}
