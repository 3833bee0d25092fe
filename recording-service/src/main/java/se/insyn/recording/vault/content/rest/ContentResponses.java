package se.insyn.recording.vault.content.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;
import se.insyn.recording.vault.content.service.ContentGoneException;
import se.insyn.recording.vault.content.service.ContentService;
import se.insyn.recording.vault.content.service.ContentTypes;

/**
 * What every operation that hands out stored content answers: the decrypted bytes, streamed, or 410
 * with the disposal receipt; and the names of the OpenAPI components that document it, defined once
 * in {@code META-INF/openapi.yaml} and referenced from the resources, e.g.
 * {@code @APIResponse(responseCode = "410", ref = ContentResponses.GONE)}.
 */
public final class ContentResponses {

  /** 410 Gone with the disposal receipt (R44). */
  public static final String GONE = "Gone";

  /** 200 with the decrypted content. */
  public static final String DECRYPTED = "DecryptedContent";

  /** The body of an upload. */
  public static final String UPLOAD = "ContentUpload";

  private ContentResponses() {}

  /** The content of {@code id}, or 410 Gone with its receipt when it was disposed of (R44). */
  public static Response stream(UUID id, ContentService.Readable readable) {
    if (readable instanceof ContentService.Disposed d) {
      throw new ContentGoneException(id, d.receipt());
    }
    return stream((ContentService.Plain) readable);
  }

  /**
   * The decrypted bytes as they are read, never held in memory, with their hash and type. The type
   * is one fixed at upload from an allow-list, never sniffed, and the bytes are a download, never
   * shown inline (issue 20 item 8).
   */
  public static Response stream(ContentService.Plain p) {
    return Response.ok((StreamingOutput) out -> ContentService.copy(p.stream(), out))
        .type(ContentTypes.served(p.contentType()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "attachment")
        .header("Content-Length", p.size())
        .header("X-Content-SHA256", p.sha256())
        .build();
  }
}
