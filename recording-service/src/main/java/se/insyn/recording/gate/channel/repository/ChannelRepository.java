package se.insyn.recording.gate.channel.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ChannelRepository implements PanacheRepositoryBase<Channel, UUID> {

  public List<Channel> listByName() {
    return listAll(Sort.by("name").and("id"));
  }

  public Optional<Channel> findByKindAndAddress(Channel.Kind kind, String address) {
    return find("kind = ?1 and address = ?2", kind, address).firstResultOptional();
  }

  public List<Channel> listByIds(Collection<UUID> ids) {
    return ids.isEmpty() ? List.of() : list("id in ?1", ids);
  }
}
