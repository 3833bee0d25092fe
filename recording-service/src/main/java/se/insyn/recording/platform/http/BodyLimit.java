package se.insyn.recording.platform.http;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import se.insyn.problem.ProblemException;
import se.insyn.problem.ProblemTypes;
import se.insyn.recording.platform.config.RecordingConfig;

/**
 * Bad or huge input cannot hurt the service (issue 20 item 8). {@code
 * quarkus.http.limits.max-body-size} is as large as one recording, because only the content uploads
 * stream their body (an {@code InputStream} parameter) into the blob store. Every other body is
 * JSON that is read into memory, so it is capped at {@code insyn.recording.limits.max-json-body}: a
 * declared length above the cap is refused before a byte is read, and a body without one (chunked)
 * is cut off as soon as it passes the cap, before Jackson has built the lists in it ({@link
 * CappedJsonBodies}). Either is a 413 problem.
 */
public class BodyLimit {

  // Looked up per request: REST providers are built at static init, before config mappings exist.
  private final Instance<RecordingConfig> config;

  BodyLimit(Instance<RecordingConfig> config) {
    this.config = config;
  }

  /** The cap, {@code insyn.recording.limits.max-json-body}, in bytes. */
  private long max() {
    return config.get().limits().maxJsonBody();
  }

  @ServerRequestFilter
  public void refuseDeclaredOversize(ContainerRequestContext request, ResourceInfo resource) {
    if (resource.getResourceMethod() == null || streams(resource)) {
      return;
    }
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    long max = max();
    if (length != null && declared(length) > max) {
      throw tooLarge(max);
    }
  }

  private static boolean streams(ResourceInfo resource) {
    return Arrays.stream(resource.getResourceMethod().getParameterTypes())
        .anyMatch(InputStream.class::isAssignableFrom);
  }

  /** A length that is not a number is left to the HTTP layer; it never reaches a resource. */
  private static long declared(String length) {
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static ProblemException tooLarge(long max) {
    return new ProblemException(
        413,
        ProblemTypes.HTTP,
        "Content Too Large",
        "A JSON body may be at most "
            + max
            + " bytes (insyn.recording.limits.max-json-body); only recording content streams"
            + " larger bodies",
        List.of());
  }
}
