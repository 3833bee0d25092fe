package se.insyn.recording.vault.content.service;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import se.insyn.problem.ProblemException;
import se.insyn.recording.vault.content.repository.ContentKey;
import se.insyn.recording.vault.content.store.BlobStore;

/**
 * The one way content is written and read, for recordings and discovered recordings alike: a fresh
 * data key stored only wrapped, plaintext hashed and counted on its way through chunked AES-256-GCM
 * into the blob store, and decryption straight from the store. Nothing readable reaches a disk.
 */
public final class EncryptedContent {

  private EncryptedContent() {}

  /** What was stored: SHA-256 of the plaintext (hex) and its size in bytes. */
  public record Stored(String sha256, long size) {}

  /** A new data key for {@code contentId}, and its wrapped form for the caller to persist. */
  public record NewKey(SecretKey dataKey, ContentKey row) {}

  public static NewKey newKey(KeyVault vault, UUID contentId) {
    SecretKey dataKey = vault.newDataKey();
    KeyVault.Wrapped wrapped = vault.wrap(contentId, dataKey);
    ContentKey row = new ContentKey();
    row.contentId = contentId;
    row.kekId = wrapped.kekId();
    row.wrappedKey = wrapped.bytes();
    row.createdAt = Instant.now();
    return new NewKey(dataKey, row);
  }

  /**
   * Streams {@code body} encrypted into a new blob and commits it. On failure nothing is committed
   * and the exception propagates; the caller forgets the key.
   */
  public static Stored write(
      BlobStore blobs,
      String blobKey,
      SecretKey dataKey,
      UUID contentId,
      int chunkSize,
      InputStream body)
      throws IOException {
    MessageDigest sha256 = sha256();
    Counting counted;
    try (BlobStore.Upload upload = blobs.create(blobKey)) {
      try (OutputStream encrypted =
          ChunkedAesGcm.encrypt(new KeepOpen(upload), dataKey, contentId, chunkSize)) {
        counted = new Counting(new DigestOutputStream(encrypted, sha256));
        body.transferTo(counted);
      }
      upload.commit();
    }
    return new Stored(HexFormat.of().formatHex(sha256.digest()), counted.count);
  }

  /** The answer to an upload that broke off: nothing was kept, so the caller may send it again. */
  public static ProblemException incomplete() {
    return new ProblemException(
        400,
        "urn:insyn:problem:upload-incomplete",
        "Upload incomplete",
        "The content could not be received completely; nothing was kept, upload it again",
        List.of());
  }

  /** The decrypted bytes of a blob; the caller closes the stream. */
  public static InputStream read(
      BlobStore blobs, String blobKey, KeyVault vault, UUID contentId, KeyVault.Wrapped key)
      throws IOException {
    SecretKey dataKey = vault.unwrap(contentId, key);
    return ChunkedAesGcm.decrypt(blobs.open(blobKey), dataKey, contentId);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lets the cipher finish its last chunk without closing the upload before its commit. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  private static final class Counting extends FilterOutputStream {
    private long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
