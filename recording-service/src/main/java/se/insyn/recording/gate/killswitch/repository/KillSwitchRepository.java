package se.insyn.recording.gate.killswitch.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class KillSwitchRepository implements PanacheRepositoryBase<KillSwitch, UUID> {

  /** Whether an engaged kill switch covers the channel: one indexed query on the decision path. */
  public boolean engagedFor(UUID channelId) {
    return !getEntityManager()
        .createQuery(
            "select k.id from KillSwitch k left join k.channelIds c"
                + " where k.releasedAt is null and (k.allChannels = true or c = :channel)",
            UUID.class)
        .setParameter("channel", channelId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public List<KillSwitch> listEngaged() {
    return list("releasedAt is null", Sort.by("engagedAt").and("id"));
  }

  public List<KillSwitch> listHistory() {
    return listAll(Sort.descending("engagedAt").and("id"));
  }
}
