package se.insyn.consent.purpose.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import se.insyn.consent.purpose.repository.Purpose;
import se.insyn.consent.purpose.repository.PurposeRepository;

@ApplicationScoped
public class PurposeService {

  private final PurposeRepository purposes;

  PurposeService(PurposeRepository purposes) {
    this.purposes = purposes;
  }

  public List<Purpose> list() {
    return purposes.listByCode();
  }
}
