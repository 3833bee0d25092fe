package se.insyn.consent.choice.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.insyn.consent.change.service.ConsentChangeFeed;
import se.insyn.consent.choice.repository.Consent;
import se.insyn.consent.choice.repository.ConsentRepository;
import se.insyn.consent.notice.repository.Notice;
import se.insyn.consent.notice.repository.NoticeRepository;
import se.insyn.consent.purpose.repository.Purpose;
import se.insyn.consent.purpose.repository.PurposeRepository;
import se.insyn.consent.recorder.RecorderScope;
import se.insyn.consent.subject.Pseudonym;
import se.insyn.consent.subject.Pseudonymiser;
import se.insyn.consent.subject.SubjectType;
import se.insyn.events.EventType;
import se.insyn.identity.Caller;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;

/**
 * Records choices and withdrawals. Who may act is decided here from the caller's identity: an
 * employee only for themself, a recorder only for citizens it names by phone number.
 */
@ApplicationScoped
public class ConsentService {

  static final String EMPLOYEE = "employee";
  static final String RECORDER = "recorder";

  private final ConsentRepository consents;
  private final PurposeRepository purposes;
  private final NoticeRepository notices;
  private final Pseudonymiser pseudonymiser;
  private final AuditOutbox audit;
  private final ConsentChangeFeed changes;
  private final SecurityIdentity caller;
  private final RecorderScope recorders;

  ConsentService(
      ConsentRepository consents,
      PurposeRepository purposes,
      NoticeRepository notices,
      Pseudonymiser pseudonymiser,
      AuditOutbox audit,
      ConsentChangeFeed changes,
      SecurityIdentity caller,
      RecorderScope recorders) {
    this.consents = consents;
    this.purposes = purposes;
    this.notices = notices;
    this.pseudonymiser = pseudonymiser;
    this.audit = audit;
    this.changes = changes;
    this.caller = caller;
    this.recorders = recorders;
  }

  /**
   * Records a choice. There is no way to record silence: a choice is GIVEN or REFUSED (R12). A
   * refusal supersedes the person's consents it replaces; each goes into the change feed once. A
   * platform's scope is checked before the transaction, so that no connection waits on the
   * recording-service.
   */
  public Consent record(@NotNull @Valid NewConsent request) {
    Pseudonym subject = subjectOf(request);
    if (subject.type() == SubjectType.PHONE) {
      recorders.requireChannelsUse(request.purpose());
    }
    return QuarkusTransaction.joiningExisting().call(() -> store(request, subject));
  }

  private Consent store(NewConsent request, Pseudonym subject) {
    Purpose purpose = purposeFor(request, subject);
    Notice notice =
        notices
            .findVersion(purpose.code, request.noticeVersion())
            .orElseThrow(
                () ->
                    unprocessable(
                        "noticeVersion",
                        "purpose '" + purpose.code + "' has no such notice version"));
    if (request.expiresAt() != null && !request.expiresAt().isAfter(Instant.now())) {
      throw unprocessable("expiresAt", "must be in the future");
    }
    consents.lockSubject(purpose.code, subject.type(), subject.ref());

    Consent consent = new Consent();
    consent.id = UUID.randomUUID();
    consent.purposeCode = purpose.code;
    consent.subjectType = subject.type();
    consent.subjectRef = subject.ref();
    consent.choice = request.choice();
    consent.sessionId = request.sessionId();
    consent.noticeVersion = notice.version;
    consent.noticeHash = notice.contentHash;
    consent.mechanism = request.mechanism() == null ? Consent.Mechanism.UI : request.mechanism();
    consent.interactionId = request.interactionId();
    consent.recordedAt = Instant.now();
    consent.recordedBy = audit.currentActor().subject();
    consent.recordedByClient = recorders.platform();
    consent.expiresAt = request.expiresAt();
    if (consent.choice == Consent.Choice.REFUSED) {
      for (Consent replaced :
          consents.listGivenInForce(
              purpose.code, subject.type(), subject.ref(), consent.sessionId, consent.recordedAt)) {
        changes.superseded(replaced.id, replaced.purposeCode);
      }
    }
    consents.persist(consent);

    Map<String, Object> data = evidence(consent);
    audit.record(
        consent.choice == Consent.Choice.GIVEN
            ? EventType.CONSENT_GIVEN
            : EventType.CONSENT_REFUSED,
        "consent/" + consent.id,
        consent.purposeCode,
        null,
        data);
    return consent;
  }

  /**
   * Withdraws a choice in one step, effective for the next decision (R14). Withdrawing twice
   * changes nothing. Someone else's choice is reported as not found, so ids reveal nothing.
   */
  @Transactional
  public Consent withdraw(UUID id, @Size(max = 200) String interactionId) {
    Consent consent = consents.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
    if (!mayAct(consent)) {
      if (consent.subjectType == SubjectType.PHONE && caller.hasRole(RECORDER)) {
        recorders.withdrawalRefused(consent.id, consent.purposeCode);
      }
      throw notFound(id);
    }
    if (consent.subjectType == SubjectType.PHONE && interactionId == null) {
      throw ProblemException.badRequest(
          "A recorder withdraws within an interaction.",
          List.of(new Problem.Violation("interactionId", "must not be null")));
    }
    if (consent.withdrawnAt != null) {
      return consent;
    }
    consent.withdrawnAt = Instant.now();
    consent.withdrawnBy = audit.currentActor().subject();
    consent.withdrawalInteractionId = interactionId;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("purpose", consent.purposeCode);
    data.put("subjectType", consent.subjectType.name());
    data.put("subjectRef", consent.subjectRef);
    data.put("choice", consent.choice.name());
    if (interactionId != null) {
      data.put("interactionId", interactionId);
    }
    audit.record(
        EventType.CONSENT_WITHDRAWN, "consent/" + consent.id, consent.purposeCode, null, data);
    changes.withdrawn(consent.id, consent.purposeCode);
    return consent;
  }

  /** One of the caller's own choices. */
  public Consent own(UUID id) {
    return consents
        .findByIdOptional(id)
        .filter(c -> c.subjectType == SubjectType.EMPLOYEE && isCaller(c.subjectRef))
        .orElseThrow(() -> notFound(id));
  }

  /** The caller's own choices with their history, newest first. */
  public List<Consent> mine() {
    return consents.listBySubject(SubjectType.EMPLOYEE, callerSubject());
  }

  private Pseudonym subjectOf(NewConsent request) {
    List<Problem.Violation> violations = new ArrayList<>();
    if (request.scope() == NewConsent.Scope.SESSION && request.sessionId() == null) {
      violations.add(new Problem.Violation("sessionId", "required for a SESSION choice"));
    }
    if (request.scope() == NewConsent.Scope.STANDING && request.sessionId() != null) {
      violations.add(new Problem.Violation("sessionId", "only for a SESSION choice"));
    }
    Pseudonym subject;
    if (request.subject() == null) {
      if (!caller.hasRole(EMPLOYEE)) {
        throw ProblemException.forbidden("Only an employee records a choice of their own.");
      }
      if (request.mechanism() != null && request.mechanism() != Consent.Mechanism.UI) {
        violations.add(new Problem.Violation("mechanism", "an employee chooses in the UI"));
      }
      if (request.interactionId() != null) {
        violations.add(new Problem.Violation("interactionId", "only for a recorder"));
      }
      subject = pseudonymiser.employee(callerSubject());
    } else {
      if (!caller.hasRole(RECORDER)) {
        throw ProblemException.forbidden("Only a recorder records a choice on someone's behalf.");
      }
      if (request.subject().type() != SubjectType.PHONE) {
        violations.add(
            new Problem.Violation("subject.type", "a recorder names citizens by phone number"));
      } else if (!Pseudonymiser.isPhoneNumber(request.subject().value())) {
        violations.add(
            new Problem.Violation("subject.value", "a phone number in E.164 form (+46…)"));
      }
      if (request.mechanism() == null) {
        violations.add(new Problem.Violation("mechanism", "must not be null"));
      }
      if (request.interactionId() == null) {
        violations.add(new Problem.Violation("interactionId", "must not be null"));
      }
      subject = violations.isEmpty() ? pseudonymiser.of(request.subject()) : null;
    }
    if (!violations.isEmpty()) {
      throw ProblemException.badRequest(
          "The request has " + violations.size() + " invalid field(s).", violations);
    }
    return subject;
  }

  private Purpose purposeFor(NewConsent request, Pseudonym subject) {
    Purpose purpose =
        purposes
            .findByCode(request.purpose())
            .orElseThrow(() -> unprocessable("purpose", "no such purpose"));
    boolean concerned =
        subject.type() == SubjectType.EMPLOYEE
            ? purpose.concernsEmployees
            : purpose.concernsCitizens;
    if (!concerned) {
      throw unprocessable("purpose", "this purpose does not concern this kind of subject");
    }
    return purpose;
  }

  private boolean mayAct(Consent consent) {
    return consent.subjectType == SubjectType.EMPLOYEE
        ? caller.hasRole(EMPLOYEE) && isCaller(consent.subjectRef)
        : caller.hasRole(RECORDER) && recorders.recorded(consent.recordedByClient);
  }

  private boolean isCaller(String subjectRef) {
    return subjectRef.equals(callerSubject());
  }

  /** An employee is their token's sub, never their renamable user name (issue 21 item 3). */
  private String callerSubject() {
    return Caller.of(caller).subject();
  }

  private static Map<String, Object> evidence(Consent consent) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("purpose", consent.purposeCode);
    data.put("subjectType", consent.subjectType.name());
    data.put("subjectRef", consent.subjectRef);
    data.put("choice", consent.choice.name());
    data.put("scope", consent.sessionId == null ? "STANDING" : "SESSION");
    if (consent.sessionId != null) {
      data.put("sessionId", consent.sessionId);
    }
    data.put("noticeVersion", consent.noticeVersion);
    data.put("noticeHash", consent.noticeHash);
    data.put("mechanism", consent.mechanism.name());
    if (consent.interactionId != null) {
      data.put("interactionId", consent.interactionId);
    }
    if (consent.expiresAt != null) {
      data.put("expiresAt", consent.expiresAt.toString());
    }
    return data;
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("No choice " + id + " of yours.");
  }

  private static ProblemException unprocessable(String field, String message) {
    return ProblemException.unprocessable(
        "The choice cannot be recorded",
        field + ": " + message + ".",
        List.of(new Problem.Violation(field, message)));
  }
}
