package se.insyn.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.insyn.devstack.TestIssuer;

/**
 * The calls between services accept only the caller's own service identity with the role that call
 * needs: a token from another issuer, an expired one, or one lacking the role is refused on each of
 * them (R2, R58), against the packaged services.
 */
@ExtendWith(FaultSuite.Extension.class)
@DisplayName(
    "Tjänsteidentiteter: fel utfärdare, utgången token eller fel roll nekas mellan tjänster")
class ServiceIdentityIT {

  private record Call(
      String name, String clientId, String role, String method, String url, Object body) {}

  @Test
  void everyServiceToServiceCallRefusesAForeignExpiredOrUnderprivilegedToken(FaultSuite f) {
    Narration story = Narration.of("service identities between the services");
    List<Call> calls =
        List.of(
            new Call(
                "recording-service → consent-service POST /decisions",
                "recording-service",
                "decision-client",
                "POST",
                f.api.consent + "/api/v1/decisions",
                Map.of(
                    "purpose",
                    "call-recording-caller",
                    "subjects",
                    List.of(Map.of("type", "phone", "value", "+46701234567")))),
            new Call(
                "recording-service → consent-service GET /consent-changes",
                "recording-service",
                "decision-client",
                "GET",
                f.api.consent + "/api/v1/consent-changes?after=0&limit=1",
                null),
            new Call(
                "consent-service → recording-service GET /platforms/{client}/purposes",
                "consent-service",
                "platform-scope-reader",
                "GET",
                f.api.recording + "/api/v1/platforms/demo-pbx/purposes",
                null),
            new Call(
                "consent-service → audit-service POST /events",
                "consent-service",
                "audit-writer",
                "POST",
                f.api.audit + "/api/v1/events",
                Map.of(
                    "events",
                    List.of(
                        Map.of(
                            "id", UUID.randomUUID().toString(),
                            "source", "consent-service",
                            "type", "identity.check",
                            "time", "2026-11-23T10:00:00Z",
                            "actor", Map.of("subject", "system"),
                            "subject", "identity/check")))));
    try (TestIssuer stranger = TestIssuer.start()) {
      for (Call call : calls) {
        String foreign =
            stranger.sign(
                "service-account-" + call.clientId(), call.clientId(), List.of(call.role()), 600);
        String expired =
            f.issuer.sign(
                "service-account-" + call.clientId(), call.clientId(), List.of(call.role()), -120);
        String noRole =
            f.issuer.sign("service-account-" + call.clientId(), call.clientId(), List.of(), 600);
        String valid =
            f.issuer.sign(
                "service-account-" + call.clientId(), call.clientId(), List.of(call.role()), 600);
        int[] answers = {
          send(call, foreign).statusCode(),
          send(call, expired).statusCode(),
          send(call, noRole).statusCode(),
          send(call, valid).statusCode()
        };
        assertEquals(401, answers[0], call.name() + " with another issuer's token");
        assertEquals(401, answers[1], call.name() + " with an expired token");
        assertEquals(403, answers[2], call.name() + " without the role " + call.role());
        assertEquals(2, answers[3] / 100, call.name() + " with the right identity");
        story.step(
            "%s: other issuer %d, expired %d, without %s %d, own identity %d",
            call.name(), answers[0], answers[1], call.role(), answers[2], answers[3]);
      }
    }
    story.done("each call between services takes only the caller's own identity with its role");
  }

  private static Response send(Call call, String token) {
    var request = given().auth().oauth2(token);
    if (call.body() != null) {
      request.contentType(ContentType.JSON).body(call.body());
    }
    return call.method().equals("POST") ? request.post(call.url()) : request.get(call.url());
  }
}
