package se.insyn.problem;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before any resource sees it, a path or query parameter that no operation of the suite
 * can take: one with a NUL character (PostgreSQL cannot store it in text, so it would end as a 500
 * further down) or one longer than {@link #MAX_LENGTH} characters. Either is a 400 naming the
 * parameter; the value is not echoed.
 */
public class ParameterGuard {

  /**
   * Longer than any id, cursor, date, code or free-text parameter the API takes (the longest is a
   * legal hold's release reason, at most 2000 characters).
   */
  static final int MAX_LENGTH = 4096;

  @ServerRequestFilter
  public void refuseUnusableParameters(UriInfo uri) {
    check(uri.getPathParameters());
    check(uri.getQueryParameters());
  }

  private static void check(MultivaluedMap<String, String> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      for (String value : parameter.getValue()) {
        if (value.indexOf('\0') >= 0) {
          throw ParameterConverters.invalid(
              nameOf(parameter.getKey()), "must not contain a NUL character");
        }
        if (value.length() > MAX_LENGTH) {
          throw ParameterConverters.invalid(
              nameOf(parameter.getKey()), "must be at most " + MAX_LENGTH + " characters");
        }
      }
    }
  }

  /** A query parameter's name is the client's too, so it is cut and cleaned before it is shown. */
  private static String nameOf(String name) {
    String shown = name.length() > 100 ? name.substring(0, 100) : name;
    return shown.replaceAll("[^A-Za-z0-9_.\\-\\[\\]]", "?");
  }
}
