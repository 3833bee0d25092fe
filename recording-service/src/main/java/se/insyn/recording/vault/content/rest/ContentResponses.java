package se.insyn.recording.vault.content.rest;

/**
 * Names of the OpenAPI components every operation on stored content shares, defined once in {@code
 * META-INF/openapi.yaml} and referenced from the resources, e.g. {@code @APIResponse(responseCode =
 * "410", ref = ContentResponses.GONE)}.
 */
public final class ContentResponses {

  /** 410 Gone with the disposal receipt (R44). */
  public static final String GONE = "Gone";

  /** 200 with the decrypted content. */
  public static final String DECRYPTED = "DecryptedContent";

  /** The body of an upload. */
  public static final String UPLOAD = "ContentUpload";

  private ContentResponses() {}
}
