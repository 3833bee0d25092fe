package se.insyn.consent.purpose.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import se.insyn.consent.purpose.repository.Purpose;
import se.insyn.consent.purpose.repository.PurposeRepository;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.ProblemException;

@ApplicationScoped
public class PurposeService {

  private final PurposeRepository purposes;
  private final AuditOutbox audit;

  PurposeService(PurposeRepository purposes, AuditOutbox audit) {
    this.purposes = purposes;
    this.audit = audit;
  }

  public List<Purpose> list() {
    return purposes.listByCode();
  }

  public Purpose get(String code) {
    return purposes
        .findByCode(code)
        .orElseThrow(() -> ProblemException.notFound("No purpose '" + code + "'."));
  }

  @Transactional
  public Purpose create(@NotNull @Valid NewPurpose request) {
    if (purposes.findByCode(request.code()).isPresent()) {
      throw ProblemException.conflict("A purpose with code '" + request.code() + "' exists.");
    }
    Purpose purpose = new Purpose();
    purpose.code = request.code();
    purpose.titleSv = request.titleSv();
    purpose.titleEn = request.titleEn();
    purpose.concernsEmployees = request.subjects().contains(NewPurpose.SubjectKind.EMPLOYEE);
    purpose.concernsCitizens = request.subjects().contains(NewPurpose.SubjectKind.CITIZEN);
    purpose.choiceModel = request.choiceModel();
    purposes.persist(purpose);
    audit.record(
        EventType.PURPOSE_CREATED,
        "purpose/" + purpose.code,
        purpose.code,
        null,
        Map.of(
            "code",
            purpose.code,
            "titleSv",
            purpose.titleSv,
            "subjects",
            request.subjects().stream().map(Enum::name).sorted().toList(),
            "choiceModel",
            purpose.choiceModel.name()));
    return purpose;
  }
}
