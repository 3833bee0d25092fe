package se.insyn.consent.purpose.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PurposeRepository implements PanacheRepositoryBase<Purpose, String> {

  public List<Purpose> listByCode() {
    return listAll(Sort.by("code"));
  }
}
