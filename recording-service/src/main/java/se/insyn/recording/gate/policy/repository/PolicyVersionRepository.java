package se.insyn.recording.gate.policy.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PolicyVersionRepository implements PanacheRepositoryBase<PolicyVersion, UUID> {

  public Optional<PolicyVersion> findLatest(UUID policyId) {
    return find("policyId = ?1 order by version desc", policyId).firstResultOptional();
  }

  public Optional<PolicyVersion> findVersion(UUID policyId, int version) {
    return find("policyId = ?1 and version = ?2", policyId, version).firstResultOptional();
  }

  public List<PolicyVersion> listVersions(UUID policyId) {
    return list("policyId = ?1 order by version", policyId);
  }

  /** The latest version of every policy, newest policy first. */
  public List<PolicyVersion> listLatest() {
    return list(
        "from PolicyVersion v where v.version ="
            + " (select max(o.version) from PolicyVersion o where o.policyId = v.policyId)"
            + " order by v.createdAt desc, v.id");
  }

  public List<PolicyVersion> listInStatus(UUID policyId, List<PolicyVersion.Status> statuses) {
    return list("policyId = ?1 and status in ?2", policyId, statuses);
  }

  /** Active versions that name the channel: the decision's one indexed lookup (R1). */
  public List<PolicyVersion> listActiveForChannel(UUID channelId) {
    return list(
        "select distinct v from PolicyVersion v join v.channelIds c"
            + " where c = ?1 and v.status = ?2",
        channelId,
        PolicyVersion.Status.ACTIVE);
  }

  /** Active versions that name a channel the platform serves (issue 21). */
  public List<PolicyVersion> listActiveForPlatform(String platform) {
    return list(
        "select distinct v from PolicyVersion v join v.channelIds c"
            + " where v.status = ?1 and c in (select ch.id from Channel ch where ch.platform = ?2)",
        PolicyVersion.Status.ACTIVE,
        platform);
  }
}
