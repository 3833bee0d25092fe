package se.insyn.recording.vault.content.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.ProblemException;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.recording.service.PlatformGuard;
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
  private final EncryptedContent pipeline;
  private final KeyVault vault;
  private final BlobStore blobs;
  private final AuditOutbox audit;
  private final PlatformGuard platforms;

  ContentService(
      RecordingRepository recordings,
      EncryptedContent pipeline,
      KeyVault vault,
      BlobStore blobs,
      AuditOutbox audit,
      PlatformGuard platforms) {
    this.recordings = recordings;
    this.pipeline = pipeline;
    this.vault = vault;
    this.blobs = blobs;
    this.audit = audit;
    this.platforms = platforms;
  }

  /**
   * Stores the content of a permitted recording that was started and has stopped; once only. The
   * seal is made here, at finalisation, so it covers metadata that no later lifecycle step changes
   * (R32).
   */
  public Recording upload(UUID id, String contentType, InputStream body) {
    return pipeline.upload(id, contentType, body, new RecordingContent());
  }

  /** What the pipeline needs to know about a recording's row. */
  private final class RecordingContent implements EncryptedContent.Owner<Recording> {

    @Override
    public Recording lock(UUID id) {
      return locked(id);
    }

    @Override
    public void admit(Recording r) {
      platforms.requireOwn(r, PlatformGuard.Action.UPLOAD);
      if (r.disposed()) {
        throw new ContentGoneException(r.id, r.disposalReceipt);
      }
      if (r.startedAt == null) {
        throw ProblemException.conflict(
            "The recording was never started (R20); there is no content to store");
      }
      if (r.inProgress()) {
        // The seal covers the final metadata (R32): sealing while the call runs would seal a stop
        // time, and a stop reason, that the call has not reached yet.
        throw ProblemException.conflict(
            "The recording is still "
                + r.state
                + ": content is uploaded once it has stopped, so that the seal covers its final"
                + " metadata (R32)");
      }
      if (r.state == Recording.State.STOPPED_CONSENT_WITHDRAWN) {
        throw ProblemException.conflict(
            "A consent the recording relied on was withdrawn; its content may not be stored");
      }
      if (r.contentState != null && r.contentState != Recording.ContentState.UPLOAD_FAILED) {
        throw ProblemException.conflict("The recording's content is " + r.contentState);
      }
    }

    @Override
    public void uploading(Recording r, String contentType) {
      r.contentState = Recording.ContentState.UPLOADING;
      r.uploadStartedAt = Instant.now();
      r.contentType = contentType;
    }

    @Override
    public void abandoned(Recording r) {
      r.contentState = null;
      r.contentType = null;
      r.uploadStartedAt = null;
    }

    @Override
    public void stored(Recording r, EncryptedContent.Stored stored) {
      if (r.contentState != Recording.ContentState.UPLOADING) {
        // Taken for dead by the upload recovery, which destroyed its key: the bytes are unreadable.
        try {
          blobs.delete(r.blobKey());
        } catch (IOException e) {
          LOG.warnf("could not remove the orphaned blob of recording %s", r.id);
        }
        throw ProblemException.conflict(
            "The upload took longer than insyn.recording.disposal.stuck-upload-after and was given"
                + " up; upload it again");
      }
      r.contentHash = stored.sha256();
      r.contentSize = stored.size();
      Seal.make(r, vault);
      r.sealedAt = Instant.now();
      r.contentState = Recording.ContentState.SEALED;
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("sha256", stored.sha256());
      data.put("size", stored.size());
      data.put("seal", r.contentSeal);
      data.put("channelId", r.channelId.toString());
      data.put("policyId", r.policyId.toString());
      data.put("policyVersion", r.policyVersion);
      data.put("noticeVersion", r.noticeVersion);
      data.put("startedAt", String.valueOf(r.startedAt));
      data.put("stoppedAt", String.valueOf(r.stoppedAt));
      data.put("direction", r.direction.name());
      audit.record(EventType.RECORDING_CONTENT_SEALED, "recording/" + r.id, null, null, data);
    }

    @Override
    public String blobKey(UUID id) {
      return "recordings/" + id;
    }

    @Override
    public String noun() {
      return "recording";
    }
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
   * Whether sealed content is still what was sealed (R32): the seal holds over the stored hash and
   * metadata ({@code sealHolds}, from {@link #sealIntact}) and the blob still decrypts, chunk by
   * authenticated chunk, to that hash and size. A flipped byte in the blob fails here even though
   * the database is untouched. Reads the whole blob, with no database connection held.
   */
  public Boolean verified(Recording r, Boolean sealHolds) {
    if (!Boolean.TRUE.equals(sealHolds)) {
      return sealHolds;
    }
    if (!(open(r.id) instanceof Plain plain)) {
      return false;
    }
    try (InputStream in = plain.stream()) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[COPY_BUFFER];
      long size = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        sha256.update(buffer, 0, n);
        size += n;
      }
      return size == r.contentSize
          && HexFormat.of().formatHex(sha256.digest()).equals(r.contentHash);
    } catch (IOException e) {
      LOG.warnf("the stored content of recording %s does not match its seal: %s", r.id, e);
      return false;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
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
    Optional<EncryptedContent.Sealed> sealed =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    pipeline
                        .keyOf(id)
                        .map(
                            key -> {
                              Recording r = recordings.findById(id);
                              return new EncryptedContent.Sealed(
                                  key, r.contentType, r.contentSize, r.contentHash);
                            }));
    if (sealed.isEmpty()) {
      // Shredded between the two looks: the disposal job is finishing it.
      return QuarkusTransaction.requiringNew()
          .call(() -> new Disposed(recordings.findById(id).disposalReceipt));
    }
    return pipeline.open(id, "recordings/" + id, sealed.get());
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
