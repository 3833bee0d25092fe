package se.insyn.consent.purpose.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PurposeRepository implements PanacheRepositoryBase<Purpose, String> {

  public List<Purpose> listByCode() {
    return listAll(Sort.by("code"));
  }

  public Optional<Purpose> findByCode(String code) {
    return findByIdOptional(code);
  }

  /** The purpose, locked until the transaction ends: notice versions are assigned one at a time. */
  public Optional<Purpose> findByCodeForUpdate(String code) {
    return findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE);
  }
}
