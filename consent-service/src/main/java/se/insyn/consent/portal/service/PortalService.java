package se.insyn.consent.portal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.insyn.consent.choice.repository.Consent;
import se.insyn.consent.choice.service.ConsentService;
import se.insyn.consent.choice.service.NewConsent;
import se.insyn.consent.notice.service.NoticeContent;
import se.insyn.consent.notice.service.NoticeService;
import se.insyn.consent.purpose.repository.Purpose;
import se.insyn.consent.purpose.service.PurposeService;

/**
 * What the self-service page shows an officer, and the choices it makes for them. Choices go
 * through {@link ConsentService} like the API's, so the evidence, the audit events and the change
 * feed are the same; the portal only ever makes standing choices, by a click (mechanism UI).
 */
@ApplicationScoped
public class PortalService {

  /** The officer's standing choice about a purpose, as the page describes it. */
  public enum State {
    /** No choice made. */
    NONE,
    GIVEN,
    REFUSED,
    WITHDRAWN,
    EXPIRED,
    /** Given under a notice version that a material change has since replaced. */
    STALE
  }

  /**
   * One purpose that concerns employees, with the notice in force and the officer's choice.
   *
   * @param current the officer's newest standing choice, or null
   */
  public record Entry(Purpose purpose, NoticeContent notice, Consent current, State state) {}

  private final PurposeService purposes;
  private final NoticeService notices;
  private final ConsentService consents;

  PortalService(PurposeService purposes, NoticeService notices, ConsentService consents) {
    this.purposes = purposes;
    this.notices = notices;
    this.consents = consents;
  }

  /** Every purpose about employees that has a published notice, by code. */
  public List<Entry> overview() {
    Map<String, Consent> standing = new HashMap<>();
    // Newest first: the first standing record per purpose is the one in force.
    for (Consent c : consents.mine()) {
      if (c.sessionId == null) {
        standing.putIfAbsent(c.purposeCode, c);
      }
    }
    Instant now = Instant.now();
    List<Entry> entries = new ArrayList<>();
    for (Purpose purpose : purposes.list()) {
      if (!purpose.concernsEmployees || purpose.currentNoticeVersion == null) {
        continue;
      }
      NoticeContent notice =
          NoticeContent.parse(notices.version(purpose.code, purpose.currentNoticeVersion).content);
      Consent current = standing.get(purpose.code);
      entries.add(new Entry(purpose, notice, current, stateOf(purpose, current, now)));
    }
    return entries;
  }

  /** Records the officer's standing choice under the notice version they were shown. */
  public Consent choose(String purposeCode, Integer noticeVersion, Consent.Choice choice) {
    return consents.record(
        new NewConsent(
            purposeCode,
            noticeVersion,
            choice,
            NewConsent.Scope.STANDING,
            null,
            null,
            Consent.Mechanism.UI,
            null,
            null));
  }

  /** Withdraws one of the officer's own choices. */
  public Consent withdraw(UUID consentId) {
    return consents.withdraw(consentId, null);
  }

  static State stateOf(Purpose purpose, Consent current, Instant now) {
    if (current == null) {
      return State.NONE;
    }
    if (current.withdrawnAt != null) {
      return State.WITHDRAWN;
    }
    if (current.isExpiredAt(now)) {
      return State.EXPIRED;
    }
    if (current.choice == Consent.Choice.REFUSED) {
      return State.REFUSED;
    }
    if (purpose.countingFromVersion != null
        && current.noticeVersion < purpose.countingFromVersion) {
      return State.STALE;
    }
    return State.GIVEN;
  }
}
