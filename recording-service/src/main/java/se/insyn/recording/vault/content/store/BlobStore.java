package se.insyn.recording.vault.content.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where encrypted content lives. It only ever sees ciphertext; keys and plaintext stay in the
 * service. Keys are paths like {@code recordings/<uuid>}.
 */
public interface BlobStore {

  /** Starts writing a blob; it becomes visible only when {@link Upload#commit()} succeeds. */
  Upload create(String key) throws IOException;

  /** Reads a blob; {@link java.nio.file.NoSuchFileException} if there is none. */
  InputStream open(String key) throws IOException;

  /** Deletes a blob; deleting one that is not there is not an error (disposal may resume). */
  void delete(String key) throws IOException;

  boolean exists(String key) throws IOException;

  /**
   * Removes whatever an upload to the key left behind when its process died before commit or close
   * (partial files, unfinished multipart uploads). Not an error when there is nothing.
   */
  void deleteUnfinished(String key) throws IOException;

  /** A blob being written. Closing it without a commit discards what was written. */
  abstract class Upload extends OutputStream {

    /** Makes the blob visible under its key, replacing nothing: the key must be new. */
    public abstract void commit() throws IOException;
  }
}
