package se.insyn.problem;

import java.util.List;

/**
 * A client-caused failure that a service reports as a problem document. Services throw it; the
 * central mapper renders it.
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String type;
  private final String title;
  private final List<Problem.Violation> violations;

  public ProblemException(
      int status, String type, String title, String detail, List<Problem.Violation> violations) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.violations = List.copyOf(violations);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", detail, List.of());
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", detail, List.of());
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, ProblemTypes.FORBIDDEN, "Forbidden", detail, List.of());
  }

  public static ProblemException badRequest(String detail, List<Problem.Violation> violations) {
    return new ProblemException(
        400, ProblemTypes.VALIDATION, "Invalid request", detail, violations);
  }

  /** The request was well-formed but breaks a rule of the domain (each broken rule listed). */
  public static ProblemException unprocessable(
      String title, String detail, List<Problem.Violation> violations) {
    return new ProblemException(422, ProblemTypes.RULE_VIOLATION, title, detail, violations);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public List<Problem.Violation> violations() {
    return violations;
  }
}
