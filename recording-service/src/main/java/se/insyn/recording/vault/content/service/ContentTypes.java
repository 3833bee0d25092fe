package se.insyn.recording.vault.content.service;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import se.insyn.problem.ProblemException;
import se.insyn.problem.ProblemTypes;

/**
 * The media types recorded content may have (issue 20 item 8). The type is fixed at upload, from
 * this list only, and playback answers with it: a client can never make the service hand out
 * something a browser would run (HTML, SVG, script) as if it were a recording.
 */
public final class ContentTypes {

  /** Audio and video formats phone systems and meeting platforms record in. */
  public static final Set<String> ALLOWED =
      Set.of(
          "audio/wav",
          "audio/x-wav",
          "audio/wave",
          "audio/mpeg",
          "audio/mp4",
          "audio/aac",
          "audio/ogg",
          "audio/opus",
          "audio/webm",
          "audio/flac",
          "audio/basic",
          "video/mp4",
          "video/webm");

  /** What content stored before the allow-list, of a type not on it, is played back as. */
  public static final String FALLBACK = "application/octet-stream";

  private ContentTypes() {}

  /** The type without its parameters, in lower case; {@code null} stays null. */
  static String essence(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /** The type to store for an upload, or a 415 problem naming the allowed ones. */
  static String admit(String contentType) {
    String essence = essence(contentType);
    if (essence == null || !ALLOWED.contains(essence)) {
      throw new ProblemException(
          415,
          ProblemTypes.HTTP,
          "Unsupported Media Type",
          "Recorded content must be one of " + ALLOWED.stream().sorted().toList(),
          List.of());
    }
    return essence;
  }

  /**
   * The type to answer a playback with: the stored one if it is allowed, else {@link #FALLBACK}.
   */
  public static String served(String stored) {
    String essence = essence(stored);
    return essence != null && ALLOWED.contains(essence) ? essence : FALLBACK;
  }
}
