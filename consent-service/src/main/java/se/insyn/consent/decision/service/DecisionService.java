package se.insyn.consent.decision.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.insyn.consent.choice.repository.Consent;
import se.insyn.consent.choice.repository.ConsentRepository;
import se.insyn.consent.decision.service.Decision.Outcome;
import se.insyn.consent.decision.service.Decision.Reason;
import se.insyn.consent.decision.service.Decision.SubjectDecision;
import se.insyn.consent.purpose.repository.Purpose;
import se.insyn.consent.purpose.repository.PurposeRepository;
import se.insyn.consent.subject.Pseudonym;
import se.insyn.consent.subject.Pseudonymiser;
import se.insyn.consent.subject.SubjectRef;
import se.insyn.consent.subject.SubjectType;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;

/**
 * Answers PERMIT or DENY before capture. On the hot path of every call and meeting start, so it
 * costs two indexed reads (the purpose, then all subjects' records at once) and one outbox insert.
 */
@ApplicationScoped
public class DecisionService {

  private final PurposeRepository purposes;
  private final ConsentRepository consents;
  private final Pseudonymiser pseudonymiser;
  private final AuditOutbox audit;

  DecisionService(
      PurposeRepository purposes,
      ConsentRepository consents,
      Pseudonymiser pseudonymiser,
      AuditOutbox audit) {
    this.purposes = purposes;
    this.consents = consents;
    this.pseudonymiser = pseudonymiser;
    this.audit = audit;
  }

  @Transactional
  public Decision decide(@NotNull @Valid DecisionRequest request) {
    List<Pseudonym> subjects = pseudonymise(request.subjects());
    Optional<Purpose> purpose = purposes.findByCode(request.purpose());
    List<SubjectDecision> answers = new ArrayList<>(subjects.size());
    if (purpose.isEmpty()) {
      subjects.forEach(s -> answers.add(DecisionRules.deny(Reason.UNKNOWN_PURPOSE, null)));
    } else {
      Map<Pseudonym, Consent> latest = latestChoices(purpose.get(), subjects, request.sessionId());
      Instant now = Instant.now();
      for (Pseudonym subject : subjects) {
        answers.add(DecisionRules.decide(purpose.get(), subject.type(), latest.get(subject), now));
      }
    }
    Outcome outcome =
        answers.stream().allMatch(a -> a.decision() == Outcome.PERMIT)
            ? Outcome.PERMIT
            : Outcome.DENY;
    UUID decisionId = UUID.randomUUID();
    audit.record(
        EventType.CONSENT_DECISION,
        "decision/" + decisionId,
        request.purpose(),
        null,
        auditData(decisionId, request, outcome, subjects, answers));
    return new Decision(outcome, decisionId, answers);
  }

  /** Validates phone numbers (each reported at its index) and pseudonymises every subject. */
  private List<Pseudonym> pseudonymise(List<SubjectRef> subjects) {
    List<Problem.Violation> violations = new ArrayList<>();
    for (int i = 0; i < subjects.size(); i++) {
      SubjectRef s = subjects.get(i);
      if (s.type() == SubjectType.PHONE && !Pseudonymiser.isPhoneNumber(s.value())) {
        violations.add(
            new Problem.Violation(
                "subjects[" + i + "].value", "a phone number in E.164 form (+46…)"));
      }
    }
    if (!violations.isEmpty()) {
      throw ProblemException.badRequest(
          "The request has " + violations.size() + " invalid field(s).", violations);
    }
    return subjects.stream().map(pseudonymiser::of).toList();
  }

  /** Each subject's newest applicable choice, from one query for all of them. */
  private Map<Pseudonym, Consent> latestChoices(
      Purpose purpose, List<Pseudonym> subjects, String sessionId) {
    List<String> refs = subjects.stream().map(Pseudonym::ref).distinct().toList();
    Map<Pseudonym, Consent> latest = new HashMap<>();
    for (Consent c : consents.listForDecision(purpose.code, refs, sessionId)) {
      latest.putIfAbsent(new Pseudonym(c.subjectType, c.subjectRef), c);
    }
    return latest;
  }

  private static Map<String, Object> auditData(
      UUID decisionId,
      DecisionRequest request,
      Outcome outcome,
      List<Pseudonym> subjects,
      List<SubjectDecision> answers) {
    List<Map<String, Object>> parts = new ArrayList<>(subjects.size());
    for (int i = 0; i < subjects.size(); i++) {
      SubjectDecision a = answers.get(i);
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("subjectType", subjects.get(i).type().name());
      part.put("subjectRef", subjects.get(i).ref());
      part.put("decision", a.decision().name());
      part.put("reason", a.reason().name());
      if (a.consentId() != null) {
        part.put("consentId", a.consentId().toString());
        part.put("noticeVersion", a.noticeVersion());
      }
      parts.add(part);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("decisionId", decisionId.toString());
    data.put("purpose", request.purpose());
    data.put("decision", outcome.name());
    if (request.sessionId() != null) {
      data.put("sessionId", request.sessionId());
    }
    data.put("subjects", parts);
    return data;
  }
}
