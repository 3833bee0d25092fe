package se.insyn.consent.portal.rest;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import se.insyn.consent.choice.repository.Consent;
import se.insyn.consent.portal.service.PortalService;
import se.insyn.consent.purpose.repository.Purpose;

/**
 * One purpose on the page, in the page's language (Swedish where a text has no translation).
 *
 * @param state the officer's choice: NONE, GIVEN, REFUSED, WITHDRAWN, EXPIRED or STALE
 * @param since when the choice was made or withdrawn, local time
 * @param offer the choice the one-click button makes (GIVEN to consent, REFUSED to object), or null
 *     when the officer's choice already is that
 * @param withdrawable the id of the choice the withdraw button withdraws, or null
 */
public record PortalRow(
    String code,
    String title,
    boolean optIn,
    int noticeVersion,
    String noticeText,
    List<String> limits,
    String controller,
    String contact,
    String state,
    String since,
    String offer,
    String withdrawable) {

  private static final String SWEDISH = "sv";
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Europe/Stockholm"));

  static PortalRow of(PortalService.Entry entry, String lang) {
    Purpose purpose = entry.purpose();
    boolean optIn = purpose.choiceModel == Purpose.ChoiceModel.OPT_IN;
    Consent.Choice active = optIn ? Consent.Choice.GIVEN : Consent.Choice.REFUSED;
    Consent current = entry.current();
    boolean inForce =
        entry.state() == PortalService.State.GIVEN || entry.state() == PortalService.State.REFUSED;
    boolean activeInForce = inForce && current.choice == active;
    String since = null;
    if (current != null) {
      since =
          LOCAL_TIME.format(current.withdrawnAt != null ? current.withdrawnAt : current.recordedAt);
    }
    return new PortalRow(
        purpose.code,
        "en".equals(lang) && purpose.titleEn != null ? purpose.titleEn : purpose.titleSv,
        optIn,
        entry.notice().version(),
        text(entry.notice().texts(), lang),
        entry.notice().limits().stream().map(l -> text(l.text(), lang)).toList(),
        entry.notice().controller(),
        entry.notice().contact(),
        entry.state().name(),
        since,
        activeInForce ? null : active.name(),
        activeInForce ? current.id.toString() : null);
  }

  private static String text(Map<String, String> texts, String lang) {
    return texts.getOrDefault(lang, texts.get(SWEDISH));
  }
}
