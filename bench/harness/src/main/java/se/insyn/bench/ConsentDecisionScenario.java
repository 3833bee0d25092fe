package se.insyn.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import se.insyn.devstack.SuiteService;

/**
 * The consent-service's decision API alone, at a fixed rate, asked as the recording-service asks it
 * (its service account, role decision-client), each time about a fresh caller. Reference: the
 * reference app's one-INSERT endpoint at the same rate.
 */
final class ConsentDecisionScenario implements Scenario {

  static final int RATE = 500;

  @Override
  public String name() {
    return "consent-decision";
  }

  @Override
  public String describe() {
    return "POST consent-service /api/v1/decisions at "
        + RATE
        + "/s (p99); reference: one authenticated INSERT";
  }

  @Override
  public void run(Stack stack, Sizes sizes, Consumer<Figure> out, List<String> notes) {
    String purpose = Setup.optOutPurpose(stack);
    String client = stack.client("recording-service", "decision-client");
    String consent = stack.url(SuiteService.CONSENT);
    String pattern =
        "{\"purpose\":\""
            + purpose
            + "\",\"subjects\":[{\"type\":\"phone\",\"value\":\"+4670${number}\"}],"
            + "\"sessionId\":\"bench-${call}\"}";
    String answer =
        Api.post(
                consent + "/api/v1/decisions",
                client,
                Map.of(
                    "purpose",
                    purpose,
                    "subjects",
                    List.of(Map.of("type", "phone", "value", "+46701234567"))),
                200)
            .path("decision")
            .asText();
    if (!"PERMIT".equals(answer)) {
      throw new IllegalStateException("the set-up decision was " + answer + ", not PERMIT");
    }
    Load.Request request =
        Load.Request.post("/api/v1/decisions", client, pattern)
            .withUuids("call")
            .withInt("number", 1_000_000, 9_999_999);
    Load.Request refRequest =
        Load.Request.post(
                "/api/v1/recordings",
                stack.client("demo-pbx", "recorder"),
                "{\"channelId\":null,\"callId\":\"bench-${call}\"}")
            .withUuids("call");

    Load.Result ref =
        Load.constantRate(
            "reference",
            stack.reference().baseUrl(),
            refRequest,
            RATE,
            sizes.warmup(),
            sizes.measure());
    Load.Result r =
        Load.constantRate(
            "consent-decision", consent, request, RATE, sizes.warmup(), sizes.measure());
    out.accept(Figure.of("consent-decision.p50", r.p50(), "ms").against(ref.p50()));
    out.accept(
        Figure.of("consent-decision.p99", r.p99(), "ms")
            .against(ref.p99())
            .target(Figure.Target.valueAtMost(10)));
    out.accept(Figure.of("consent-decision.max", r.max(), "ms").against(ref.max()));
    out.accept(
        Figure.of("consent-decision.achieved-rate", r.okPerSecond(), "req/s")
            .against(ref.okPerSecond())
            .target(Figure.Target.valueAtLeast(RATE * 0.99)));
    out.accept(Figure.of("consent-decision.errors", r.errors(), "requests").against(ref.errors()));
    Scenarios.blocked(notes, "consent-decision", r, ref);
  }
}
