package se.insyn.bench;

import java.util.List;
import java.util.function.Consumer;

/**
 * One benchmark scenario: sets up what it needs through the APIs, measures, and reports figures.
 * New scenarios (upload, disposal once recording-service has them) are one class each, listed in
 * {@link Bench#SCENARIOS}.
 */
interface Scenario {

  String name();

  /** One line for --help and the README. */
  String describe();

  /**
   * Runs the scenario against the started stack; each figure goes to {@code out} as soon as it is
   * known, so a long run shows progress.
   */
  void run(Stack stack, Sizes sizes, Consumer<Figure> out, List<String> notes) throws Exception;
}
