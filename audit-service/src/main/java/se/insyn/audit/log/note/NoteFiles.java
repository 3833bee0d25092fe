package se.insyn.audit.log.note;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Notes written so that a reader sees the old file or the new one, never half of one. */
public final class NoteFiles {

  private NoteFiles() {}

  /** Writes to a temporary file beside {@code file} and renames it over {@code file}. */
  public static void writeAtomically(Path file, String note) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temp = Files.createTempFile(parent, ".note-", ".tmp");
      Files.writeString(temp, note, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
