package se.insyn.consent.notice.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class NoticeRepository implements PanacheRepository<Notice> {

  public Optional<Notice> findVersion(String purposeCode, int version) {
    return find("purposeCode = ?1 and version = ?2", purposeCode, version).firstResultOptional();
  }
}
