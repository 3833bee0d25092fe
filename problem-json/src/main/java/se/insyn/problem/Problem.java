package se.insyn.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code violations} lists each rejected field of a request, so a
 * client can show every mistake at once.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One rejected field: its JSON path in the request (or the query parameter) and why. */
  public record Violation(String field, String message) {}
}
