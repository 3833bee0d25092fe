package se.insyn.audit.log.service;

import java.util.ArrayList;
import java.util.List;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;

/**
 * Numeric query parameters, parsed here rather than by the framework so that a bad value is a 400
 * naming the parameter instead of a 404.
 */
public final class Params {

  private Params() {}

  /**
   * @param minFirst the smallest allowed value of the first parameter
   * @param minOthers the smallest allowed value of the others
   * @throws ProblemException 400 naming every parameter that is missing or not such a number
   */
  public static long[] longs(
      List<String> names, List<String> values, long minFirst, long minOthers) {
    long[] parsed = new long[names.size()];
    List<Problem.Violation> violations = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      long min = i == 0 ? minFirst : minOthers;
      try {
        parsed[i] = Long.parseLong(values.get(i));
        if (parsed[i] < min) {
          violations.add(new Problem.Violation(names.get(i), "must be at least " + min));
        }
      } catch (NumberFormatException e) {
        violations.add(
            new Problem.Violation(names.get(i), "must be a whole number of at least " + min));
      }
    }
    if (!violations.isEmpty()) {
      throw ProblemException.badRequest(
          "The request has " + violations.size() + " invalid parameter(s).", violations);
    }
    return parsed;
  }
}
