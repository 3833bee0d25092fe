package se.insyn.recording.vault.content.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;

@ApplicationScoped
public class ContentKeyRepository implements PanacheRepositoryBase<ContentKey, UUID> {

  /** Crypto-shredding: the keys are gone, so the bytes can never be decrypted again. */
  public long destroy(Collection<UUID> contentIds) {
    return delete("contentId in ?1", contentIds);
  }
}
