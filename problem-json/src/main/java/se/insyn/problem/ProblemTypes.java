package se.insyn.problem;

/** The problem {@code type} URIs the suite uses; documented in docs/errors.md. */
public final class ProblemTypes {

  private static final String PREFIX = "urn:insyn:problem:";

  public static final String VALIDATION = PREFIX + "validation";
  public static final String MALFORMED_JSON = PREFIX + "malformed-json";
  public static final String UNAUTHENTICATED = PREFIX + "unauthenticated";
  public static final String FORBIDDEN = PREFIX + "forbidden";
  public static final String NOT_FOUND = PREFIX + "not-found";
  public static final String CONFLICT = PREFIX + "conflict";
  public static final String RULE_VIOLATION = PREFIX + "rule-violation";
  public static final String INTERNAL = PREFIX + "internal";
  public static final String UNAVAILABLE = PREFIX + "unavailable";

  /** For plain HTTP errors (405, 406, 415, ...) where the status says everything. */
  public static final String HTTP = "about:blank";

  private ProblemTypes() {}
}
