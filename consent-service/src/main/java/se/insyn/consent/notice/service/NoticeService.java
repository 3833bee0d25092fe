package se.insyn.consent.notice.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.insyn.consent.notice.repository.Notice;
import se.insyn.consent.notice.repository.NoticeRepository;
import se.insyn.consent.purpose.repository.Purpose;
import se.insyn.consent.purpose.repository.PurposeRepository;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;

@ApplicationScoped
public class NoticeService {

  private static final String SWEDISH = "sv";

  private final NoticeRepository notices;
  private final PurposeRepository purposes;
  private final AuditOutbox audit;

  NoticeService(NoticeRepository notices, PurposeRepository purposes, AuditOutbox audit) {
    this.notices = notices;
    this.purposes = purposes;
    this.audit = audit;
  }

  /** Publishes the purpose's next notice version; versions are 1, 2, … without gaps. */
  @Transactional
  public Notice publish(String purposeCode, @NotNull @Valid NewNotice request) {
    requireSwedish(request);
    Purpose purpose =
        purposes
            .findByCodeForUpdate(purposeCode)
            .orElseThrow(() -> ProblemException.notFound("No purpose '" + purposeCode + "'."));
    int version = purpose.currentNoticeVersion == null ? 1 : purpose.currentNoticeVersion + 1;
    String canonical = NoticeContent.of(purposeCode, version, request).canonical();

    Notice notice = new Notice();
    notice.purposeCode = purposeCode;
    notice.version = version;
    notice.content = canonical;
    notice.contentHash = NoticeContent.sha256(canonical);
    notice.requiresReconsent = request.requiresReconsent();
    notice.publishedAt = Instant.now();
    notice.publishedBy = audit.currentActor().subject();
    notices.persist(notice);

    purpose.currentNoticeVersion = version;
    if (version == 1 || request.requiresReconsent()) {
      purpose.countingFromVersion = version;
    }
    audit.record(
        EventType.NOTICE_PUBLISHED,
        "purpose/" + purposeCode,
        purposeCode,
        null,
        Map.of(
            "version", version,
            "contentHash", notice.contentHash,
            "requiresReconsent", notice.requiresReconsent));
    return notice;
  }

  public Notice current(String purposeCode) {
    Purpose purpose =
        purposes
            .findByCode(purposeCode)
            .orElseThrow(() -> ProblemException.notFound("No purpose '" + purposeCode + "'."));
    if (purpose.currentNoticeVersion == null) {
      throw ProblemException.notFound("Purpose '" + purposeCode + "' has no notice yet.");
    }
    return version(purposeCode, purpose.currentNoticeVersion);
  }

  /** A version by its number as written in a path; anything but a version number is not found. */
  public Notice version(String purposeCode, String version) {
    if (version == null || !version.matches("[1-9][0-9]{0,8}")) {
      throw ProblemException.notFound("No notice version '" + version + "'.");
    }
    return version(purposeCode, Integer.parseInt(version));
  }

  public Notice version(String purposeCode, int version) {
    return notices
        .findVersion(purposeCode, version)
        .orElseThrow(
            () ->
                ProblemException.notFound(
                    "Purpose '" + purposeCode + "' has no notice version " + version + "."));
  }

  private static void requireSwedish(NewNotice request) {
    List<Problem.Violation> missing = new ArrayList<>();
    if (!request.texts().containsKey(SWEDISH)) {
      missing.add(new Problem.Violation("texts.sv", "a Swedish text is required"));
    }
    for (int i = 0; i < request.limits().size(); i++) {
      if (!request.limits().get(i).text().containsKey(SWEDISH)) {
        missing.add(
            new Problem.Violation("limits[" + i + "].text.sv", "a Swedish text is required"));
      }
    }
    if (!missing.isEmpty()) {
      throw ProblemException.badRequest("Notices are always given in Swedish.", missing);
    }
  }
}
