package se.insyn.recording.platform.http;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import se.insyn.recording.platform.config.RecordingConfig;

/**
 * Refuses a body that is read into an object (JSON) as soon as it passes {@code
 * insyn.recording.limits.max-json-body}, whether or not it declared its length; a streamed {@code
 * InputStream} body (recording content) is left alone (issue 20 item 8, {@link BodyLimit}).
 */
@Provider
public class CappedJsonBodies implements ReaderInterceptor {

  // Looked up per request: REST providers are built at static init, before config mappings exist.
  private final Instance<RecordingConfig> config;

  CappedJsonBodies(Instance<RecordingConfig> config) {
    this.config = config;
  }

  /** The cap, {@code insyn.recording.limits.max-json-body}, in bytes. */
  private long max() {
    return config.get().limits().maxJsonBody();
  }

  /**
   * Reads at most one byte more than the cap before the reader sees any: a body within the cap is
   * handed on from memory (it would be read into memory anyway), a longer one is refused here,
   * outside the JSON parser, which would otherwise report the refusal as malformed JSON.
   */
  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (!InputStream.class.isAssignableFrom(context.getType())) {
      long max = max();
      byte[] body = context.getInputStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
      if (body.length > max) {
        throw BodyLimit.tooLarge(max);
      }
      context.setInputStream(new ByteArrayInputStream(body));
    }
    return context.proceed();
  }
}
