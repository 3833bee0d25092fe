package se.insyn.recording.vault.content.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.jboss.logging.Logger;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.recording.platform.config.RecordingConfig;
import se.insyn.recording.vault.content.repository.ContentKey;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.content.store.BlobStore;

/**
 * The one encrypted-upload pipeline, for recordings and discovered recordings alike (R31): a fresh
 * data key stored only wrapped, plaintext hashed and counted on its way through chunked AES-256-GCM
 * into the blob store, and decryption straight from the store. Nothing readable reaches a disk and
 * no database connection is held while bytes flow: the row is marked UPLOADING in one short
 * transaction and sealed in another. An upload that breaks off leaves nothing behind; one that dies
 * with its instance is found by {@link UploadRecovery}.
 */
@ApplicationScoped
public class EncryptedContent {

  private static final Logger LOG = Logger.getLogger(EncryptedContent.class);
  private static final int MAX_CONTENT_TYPE = 100;

  /** What was stored: SHA-256 of the plaintext (hex) and its size in bytes. */
  public record Stored(String sha256, long size) {}

  /** Stored content as it is read back: its wrapped data key and the facts kept with it. */
  public record Sealed(KeyVault.Wrapped key, String contentType, long size, String sha256) {}

  /**
   * What one kind of content owner (a recording, a discovered recording) decides about its row;
   * every method but {@link #blobKey} runs inside the pipeline's transactions, the row locked.
   *
   * @param <E> the row that owns the content
   */
  public interface Owner<E> {

    /** The row, locked until the transaction ends; a 404 problem when there is none. */
    E lock(UUID id);

    /** Refuses, with a problem, an upload the row may not take now. */
    void admit(E row);

    /** The upload has begun. */
    void uploading(E row, String contentType);

    /** The upload broke off and its key is gone: the row may take a new one. */
    void abandoned(E row);

    /** The bytes are stored: note hash and size, and audit it. */
    void stored(E row, Stored stored);

    String blobKey(UUID id);

    /** What the owner is called in log lines. */
    String noun();
  }

  private final ContentKeyRepository keys;
  private final KeyVault vault;
  private final BlobStore blobs;
  private final RecordingConfig config;

  EncryptedContent(
      ContentKeyRepository keys, KeyVault vault, BlobStore blobs, RecordingConfig config) {
    this.keys = keys;
    this.vault = vault;
    this.blobs = blobs;
    this.config = config;
  }

  /**
   * Streams {@code body} encrypted into the owner's blob and seals it; returns the row as sealed.
   * Once only: the owner's {@link Owner#admit} refuses content that is there or under way.
   */
  public <E> E upload(UUID id, String contentType, InputStream body, Owner<E> owner) {
    SecretKey dataKey = QuarkusTransaction.requiringNew().call(() -> begin(id, contentType, owner));
    Stored stored;
    try {
      stored = write(owner.blobKey(id), dataKey, id, body);
    } catch (IOException | RuntimeException e) {
      LOG.debugf("upload of %s %s failed: %s", owner.noun(), id, e.toString());
      QuarkusTransaction.requiringNew().run(() -> abandon(id, owner));
      throw incomplete();
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              E row = owner.lock(id);
              owner.stored(row, stored);
              return row;
            });
  }

  /** The decrypted bytes of sealed content; the caller closes the stream. */
  public ContentService.Plain open(UUID id, String blobKey, Sealed sealed) {
    try {
      SecretKey dataKey = vault.unwrap(id, sealed.key());
      InputStream decrypted = ChunkedAesGcm.decrypt(blobs.open(blobKey), dataKey, id);
      return new ContentService.Plain(
          decrypted, sealed.contentType(), sealed.size(), sealed.sha256());
    } catch (IOException e) {
      throw new IllegalStateException("content " + id + " is unreadable", e);
    }
  }

  /** The wrapped data key of {@code id}, to read its content with; empty once shredded. */
  public Optional<KeyVault.Wrapped> keyOf(UUID id) {
    return keys.findByIdOptional(id).map(k -> new KeyVault.Wrapped(k.kekId, k.wrappedKey));
  }

  private <E> SecretKey begin(UUID id, String contentType, Owner<E> owner) {
    E row = owner.lock(id);
    owner.admit(row);
    if (contentType != null && contentType.length() > MAX_CONTENT_TYPE) {
      throw ProblemException.badRequest(
          "Content-Type is too long",
          List.of(new Problem.Violation("Content-Type", "at most 100 characters")));
    }
    String stored = ContentTypes.admit(contentType);
    SecretKey dataKey = vault.newDataKey();
    KeyVault.Wrapped wrapped = vault.wrap(id, dataKey);
    ContentKey key = new ContentKey();
    key.contentId = id;
    key.kekId = wrapped.kekId();
    key.wrappedKey = wrapped.bytes();
    key.createdAt = Instant.now();
    keys.persist(key);
    owner.uploading(row, stored);
    return dataKey;
  }

  private <E> void abandon(UUID id, Owner<E> owner) {
    E row = owner.lock(id);
    keys.deleteById(id);
    owner.abandoned(row);
    try {
      blobs.delete(owner.blobKey(id));
    } catch (IOException e) {
      LOG.warnf("could not remove the partial blob of %s %s", owner.noun(), id);
    }
  }

  /**
   * Streams {@code body} encrypted into a new blob and commits it. On failure nothing is committed
   * and the exception propagates; the caller forgets the key.
   */
  private Stored write(String blobKey, SecretKey dataKey, UUID contentId, InputStream body)
      throws IOException {
    MessageDigest sha256 = sha256();
    Counting counted;
    try (BlobStore.Upload upload = blobs.create(blobKey)) {
      try (OutputStream encrypted =
          ChunkedAesGcm.encrypt(
              new KeepOpen(upload), dataKey, contentId, config.content().chunkSize())) {
        counted = new Counting(new DigestOutputStream(encrypted, sha256));
        body.transferTo(counted);
      }
      upload.commit();
    }
    return new Stored(HexFormat.of().formatHex(sha256.digest()), counted.count);
  }

  /** The answer to an upload that broke off: nothing was kept, so the caller may send it again. */
  private static ProblemException incomplete() {
    return new ProblemException(
        400,
        "urn:insyn:problem:upload-incomplete",
        "Upload incomplete",
        "The content could not be received completely; nothing was kept, upload it again",
        List.of());
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
