package se.insyn.recording.recording.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RecordingRepository implements PanacheRepositoryBase<Recording, UUID> {

  private static final List<Recording.State> IN_PROGRESS =
      List.of(Recording.State.PERMITTED, Recording.State.RECORDING);

  public List<Recording> listInProgress() {
    return list("state in ?1", IN_PROGRESS);
  }

  public List<Recording> listInProgressOn(Collection<UUID> channelIds) {
    return list("state in ?1 and channelId in ?2", IN_PROGRESS, channelIds);
  }
}
