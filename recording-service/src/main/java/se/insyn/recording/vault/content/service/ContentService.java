package se.insyn.recording.vault.content.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.jboss.logging.Logger;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.recording.platform.config.RecordingConfig;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.content.store.BlobStore;

/**
 * Encrypted content (R31, R32). Bytes stream from the request through SHA-256 and chunked
 * AES-256-GCM into the blob store; nothing readable touches a disk and no database connection is
 * held while they flow. At the end the hash is sealed to the metadata and audited.
 */
@ApplicationScoped
public class ContentService {

  private static final Logger LOG = Logger.getLogger(ContentService.class);
  private static final int COPY_BUFFER = 64 * 1024;

  /** Decrypted content on its way to a caller, or the receipt of its disposal. */
  public sealed interface Readable permits Plain, Disposed {}

  /** Decrypted bytes; the caller closes the stream. */
  public record Plain(InputStream stream, String contentType, long size, String sha256)
      implements Readable {}

  public record Disposed(Map<String, Object> receipt) implements Readable {}

  private final RecordingRepository recordings;
  private final ContentKeyRepository keys;
  private final KeyVault vault;
  private final BlobStore blobs;
  private final AuditOutbox audit;
  private final RecordingConfig config;

  ContentService(
      RecordingRepository recordings,
      ContentKeyRepository keys,
      KeyVault vault,
      BlobStore blobs,
      AuditOutbox audit,
      RecordingConfig config) {
    this.recordings = recordings;
    this.keys = keys;
    this.vault = vault;
    this.blobs = blobs;
    this.audit = audit;
    this.config = config;
  }

  /** Stores the content of a permitted, started recording; once only. */
  public Recording upload(UUID id, String contentType, InputStream body) {
    SecretKey dataKey = QuarkusTransaction.requiringNew().call(() -> begin(id, contentType));
    EncryptedContent.Stored stored;
    try {
      stored =
          EncryptedContent.write(
              blobs, "recordings/" + id, dataKey, id, config.content().chunkSize(), body);
    } catch (IOException | RuntimeException e) {
      LOG.debugf("upload of recording %s failed: %s", id, e.toString());
      QuarkusTransaction.requiringNew().run(() -> abandon(id));
      throw EncryptedContent.incomplete();
    }
    return QuarkusTransaction.requiringNew().call(() -> seal(id, stored.sha256(), stored.size()));
  }

  private SecretKey begin(UUID id, String contentType) {
    Recording r = locked(id);
    if (r.disposed()) {
      throw new ContentGoneException(id, r.disposalReceipt);
    }
    if (r.startedAt == null) {
      throw ProblemException.conflict(
          "The recording was never started (R20); there is no content to store");
    }
    if (r.state == Recording.State.STOPPED_CONSENT_WITHDRAWN) {
      throw ProblemException.conflict(
          "A consent the recording relied on was withdrawn; its content may not be stored");
    }
    if (r.contentState != null && r.contentState != Recording.ContentState.UPLOAD_FAILED) {
      throw ProblemException.conflict("The recording's content is " + r.contentState);
    }
    if (contentType != null && contentType.length() > 100) {
      throw ProblemException.badRequest(
          "Content-Type is too long",
          List.of(new Problem.Violation("Content-Type", "at most 100 characters")));
    }
    EncryptedContent.NewKey key = EncryptedContent.newKey(vault, id);
    keys.persist(key.row());
    r.contentState = Recording.ContentState.UPLOADING;
    r.uploadStartedAt = Instant.now();
    r.contentType = contentType == null ? "application/octet-stream" : contentType;
    return key.dataKey();
  }

  private void abandon(UUID id) {
    Recording r = locked(id);
    keys.deleteById(id);
    r.contentState = null;
    r.contentType = null;
    r.uploadStartedAt = null;
    try {
      blobs.delete("recordings/" + id);
    } catch (IOException e) {
      LOG.warnf("could not remove the partial blob of recording %s", id);
    }
  }

  private Recording seal(UUID id, String hash, long size) {
    Recording r = locked(id);
    if (r.contentState != Recording.ContentState.UPLOADING) {
      // Taken for dead by the upload recovery, which destroyed its key: the bytes are unreadable.
      try {
        blobs.delete(r.blobKey());
      } catch (IOException e) {
        LOG.warnf("could not remove the orphaned blob of recording %s", id);
      }
      throw ProblemException.conflict(
          "The upload took longer than recording.disposal.stuck-upload-after and was given up;"
              + " upload it again");
    }
    r.contentHash = hash;
    r.contentSize = size;
    Seal.make(r, vault);
    r.sealedAt = Instant.now();
    r.contentState = Recording.ContentState.SEALED;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sha256", hash);
    data.put("size", size);
    data.put("seal", r.contentSeal);
    data.put("channelId", r.channelId.toString());
    data.put("policyId", r.policyId.toString());
    data.put("policyVersion", r.policyVersion);
    data.put("noticeVersion", r.noticeVersion);
    data.put("startedAt", String.valueOf(r.startedAt));
    data.put("stoppedAt", String.valueOf(r.stoppedAt));
    data.put("direction", r.direction.name());
    audit.record("recording.content.sealed", "recording/" + r.id, null, null, data);
    return r;
  }

  /**
   * Whether the stored hash and metadata still match the seal made at finalisation (R32); null when
   * the KEK the seal was made with is no longer configured, so it cannot be checked here.
   */
  public Boolean sealIntact(Recording r) {
    if (r.contentSeal == null) {
      return false;
    }
    return vault.sealKey(r.sealKekId).map(key -> Seal.holds(r, key)).orElse(null);
  }

  /**
   * Opens the decrypted content. Access rules are the caller's business; this only knows whether
   * the bytes are still there.
   */
  public Readable open(UUID id) {
    Optional<Readable> gone =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Recording r = recordings.findByIdOptional(id).orElseThrow();
                  if (r.disposed()) {
                    return Optional.of(new Disposed(r.disposalReceipt));
                  }
                  if (r.contentState != Recording.ContentState.SEALED) {
                    throw ProblemException.notFound("The recording has no content");
                  }
                  return Optional.empty();
                });
    if (gone.isPresent()) {
      return gone.get();
    }
    Optional<Object[]> loaded =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    keys.findByIdOptional(id)
                        .map(
                            k -> {
                              Recording r = recordings.findById(id);
                              return new Object[] {
                                new KeyVault.Wrapped(k.kekId, k.wrappedKey),
                                r.contentType,
                                r.contentSize,
                                r.contentHash
                              };
                            }));
    if (loaded.isEmpty()) {
      // Shredded between the two looks: the disposal job is finishing it.
      return QuarkusTransaction.requiringNew()
          .call(() -> new Disposed(recordings.findById(id).disposalReceipt));
    }
    Object[] k = loaded.get();
    try {
      InputStream decrypted =
          EncryptedContent.read(blobs, "recordings/" + id, vault, id, (KeyVault.Wrapped) k[0]);
      return new Plain(decrypted, (String) k[1], (Long) k[2], (String) k[3]);
    } catch (IOException e) {
      throw new IllegalStateException("content of recording " + id + " is unreadable", e);
    }
  }

  /** Copies decrypted content to a response. */
  public static void copy(InputStream in, OutputStream out) throws IOException {
    try (in) {
      byte[] buffer = new byte[COPY_BUFFER];
      int n;
      while ((n = in.read(buffer)) != -1) {
        out.write(buffer, 0, n);
      }
    }
  }

  private Recording locked(UUID id) {
    return recordings
        .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> ProblemException.notFound("No recording " + id));
  }
}
