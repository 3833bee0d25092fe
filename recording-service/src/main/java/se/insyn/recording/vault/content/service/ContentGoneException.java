package se.insyn.recording.vault.content.service;

import java.util.Map;
import java.util.UUID;

/** The content was disposed of (R44); answered as 410 Gone with the disposal receipt. */
public class ContentGoneException extends RuntimeException {

  private final UUID recordingId;
  private final Map<String, Object> receipt;

  public ContentGoneException(UUID recordingId, Map<String, Object> receipt) {
    super("The recording's content was disposed of");
    this.recordingId = recordingId;
    this.receipt = receipt;
  }

  public UUID recordingId() {
    return recordingId;
  }

  public Map<String, Object> receipt() {
    return receipt;
  }
}
