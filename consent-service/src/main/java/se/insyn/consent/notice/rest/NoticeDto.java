package se.insyn.consent.notice.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import se.insyn.consent.notice.repository.Notice;
import se.insyn.consent.notice.service.NewNotice;
import se.insyn.consent.notice.service.NoticeContent;

/**
 * A published notice version.
 *
 * @param contentHash SHA-256 (hex) of the canonical form of this version; choices cite it as proof
 *     of what the person was shown or heard
 */
public record NoticeDto(
    String purpose,
    int version,
    Map<String, String> texts,
    List<NewNotice.Limit> limits,
    String controller,
    String contact,
    boolean requiresReconsent,
    String contentHash,
    Instant publishedAt) {

  static NoticeDto of(Notice notice) {
    NoticeContent content = NoticeContent.parse(notice.content);
    return new NoticeDto(
        notice.purposeCode,
        notice.version,
        content.texts(),
        content.limits(),
        content.controller(),
        content.contact(),
        notice.requiresReconsent,
        notice.contentHash,
        notice.publishedAt);
  }
}
