package se.insyn.bench;

import java.util.List;
import java.util.function.Consumer;
import se.insyn.devstack.SuiteService;

/**
 * "May I record?" at a fixed rate: recording-service → consent-service → outbox, every answer a
 * PERMIT that creates a recording. Reference: the reference app's one-INSERT endpoint, same token
 * check, same body, same rate. Then each one's saturation throughput with a fixed number of users.
 */
final class DecisionScenario implements Scenario {

  static final int RATE = 300;

  @Override
  public String name() {
    return "decision";
  }

  @Override
  public String describe() {
    return "POST recording-service /api/v1/recordings at "
        + RATE
        + "/s (p50/p99/max, achieved rate) and saturated; reference: one authenticated INSERT";
  }

  @Override
  public void run(Stack stack, Sizes sizes, Consumer<Figure> out, List<String> notes)
      throws InterruptedException {
    String channel = Setup.channelWithPolicy(stack, Setup.optOutPurpose(stack));
    String recorder = stack.client("demo-pbx", "recorder");
    String recording = stack.url(SuiteService.RECORDING);
    String reference = stack.reference().baseUrl();
    Setup.awaitPermit(recording, recorder, channel);
    Setup.awaitPermit(reference, recorder, channel);
    Load.Request request =
        Load.Request.post("/api/v1/recordings", recorder, Setup.decisionPattern(channel))
            .withUuids("call")
            .withInt("number", 1_000_000, 9_999_999)
            .expecting(201);

    Load.Result ref =
        Load.constantRate("reference", reference, request, RATE, sizes.warmup(), sizes.measure());
    Load.Result r =
        Load.constantRate("decision", recording, request, RATE, sizes.warmup(), sizes.measure());
    out.accept(Figure.of("decision.p50", r.p50(), "ms").against(ref.p50()));
    out.accept(
        Figure.of("decision.p99", r.p99(), "ms")
            .against(ref.p99())
            .target(Figure.Target.valueAtMost(25)));
    out.accept(Figure.of("decision.max", r.max(), "ms").against(ref.max()));
    out.accept(
        Figure.of("decision.achieved-rate", r.okPerSecond(), "req/s")
            .against(ref.okPerSecond())
            .target(Figure.Target.valueAtLeast(RATE * 0.99)));
    out.accept(Figure.of("decision.errors", r.errors(), "requests").against(ref.errors()));
    Scenarios.blocked(notes, "decision", r, ref);

    int users = sizes.saturationUsers();
    Load.Result refMax =
        Load.closed(
            "reference-max",
            reference,
            request,
            users,
            sizes.saturationWarmup(),
            sizes.saturation());
    Load.Result max =
        Load.closed(
            "decision-max",
            recording,
            request,
            users,
            sizes.saturationWarmup(),
            sizes.saturation());
    out.accept(
        Figure.of("decision.max-rate", max.okPerSecond(), "req/s")
            .against(refMax.okPerSecond())
            .target(Figure.Target.ratioAtLeast(0.5)));
    out.accept(Figure.of("decision.max-rate.p99", max.p99(), "ms").against(refMax.p99()));
    if (max.errors() > 0 || refMax.errors() > 0) {
      notes.add(
          "decision saturation: "
              + max.errors()
              + " errors (reference "
              + refMax.errors()
              + ") not counted in the rate");
    }
  }
}
