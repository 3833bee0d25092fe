package se.insyn.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.SuiteService;

/**
 * Fail closed (R2): with the consent-service stopped every recording decision that needs a consent
 * is DENY {@code DECISION_UNAVAILABLE}, answered within the timeout instead of hanging the call;
 * once it is back, decisions PERMIT again without restarting the recording-service.
 */
@ExtendWith(FaultSuite.Extension.class)
@DisplayName("Fel: consent-service nere — inspelning nekas, och fungerar igen när den är tillbaka")
class ConsentOutageIT {

  @Test
  void decisionsFailClosedWhileTheConsentServiceIsDownAndRecoverAfter(FaultSuite f) {
    Narration story = Narration.of("consent-service stopped");
    InsynClient api = f.api;
    String purpose =
        api.purposeWithNotice(
            f.user("consent-admin-2", "consent-admin"),
            "call-recording-caller",
            "CITIZEN",
            "OPT_IN");
    String channel = api.channel(f.user("rec-admin-2", "recording-admin"), "Bygglov");
    api.approvedPolicy(
        f.user("rec-admin-2", "recording-admin"),
        f.user("approver-2", "policy-approver"),
        InsynClient.threatPolicy(channel, purpose, "PT24H"));
    String pbx = f.pbx();
    String caller = InsynClient.phoneNumber();
    assertEquals(201, api.callerConsents(pbx, purpose, caller).statusCode());
    // The very first call may fail closed while connections and the service token are set up.
    Eventually.within(
        Duration.ofSeconds(30),
        () -> api.mayIRecord(pbx, channel, caller, "ON_DEMAND").<String>path("decision"),
        "PERMIT"::equals);
    story.step("caller %s… consented; the decision is PERMIT", caller.substring(0, 6));

    f.suite.service(SuiteService.CONSENT).close();
    story.step("consent-service stopped");
    for (int call = 1; call <= 20; call++) {
      long started = System.nanoTime();
      Response answer = api.mayIRecord(pbx, channel, caller, "ON_DEMAND");
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(200, answer.statusCode(), answer.asString());
      assertEquals("DENY", answer.path("decision"), answer.asString());
      assertEquals(List.of("DECISION_UNAVAILABLE"), answer.path("reasons"), answer.asString());
      if (call == 1 || call == 20) {
        story.step("call %d: DENY DECISION_UNAVAILABLE after %d ms", call, millis);
      }
    }

    f.suite.service(SuiteService.CONSENT).start();
    story.step("consent-service started again; the recording-service was not touched");
    String permitted =
        Eventually.within(
            Duration.ofSeconds(30),
            () -> api.mayIRecord(pbx, channel, caller, "ON_DEMAND").<String>path("decision"),
            "PERMIT"::equals);
    assertTrue("PERMIT".equals(permitted));
    story.done("decisions PERMIT again");
  }
}
