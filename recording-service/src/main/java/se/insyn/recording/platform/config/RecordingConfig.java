package se.insyn.recording.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Settings of the recording-service: keys {@code insyn.recording.*} (docs/configuration.md). */
@ConfigMapping(prefix = "insyn.recording")
public interface RecordingConfig {

  /** The consent-service as a dependency of the decision. */
  Consent consent();

  /** Pseudonymisation of phone numbers (R33). */
  Pseudonym pseudonym();

  /** Recorded content: encryption and where the encrypted bytes live (R31, R32). */
  Content content();

  /** The disposal job (R44). */
  Disposal disposal();

  /** Limits on what a request may send (issue 20 item 8). */
  Limits limits();

  /** Access to recorded content (R50). */
  Access access();

  /** The zone in which a policy's weekdays and hours are read. */
  @WithDefault("Europe/Stockholm")
  ZoneId scopeZone();

  interface Limits {
    /**
     * The largest JSON body any endpoint reads, in bytes (256 KiB); larger is a 413 problem. The
     * content uploads stream and are bounded by {@code quarkus.http.limits.max-body-size} instead.
     */
    @WithDefault("262144")
    long maxJsonBody();
  }

  interface Consent {
    /**
     * How long the decision waits for the consent-service (token included) before it denies with
     * DECISION_UNAVAILABLE (R2).
     */
    @WithDefault("300ms")
    Duration timeout();

    /** Following the consent-service's change feed, so withdrawals stop running recordings. */
    Follow follow();

    interface Follow {
      /** How often the feed is polled; {@code off} disables the follower (tests drive it). */
      @WithDefault("2s")
      String every();

      /** How long one read of the feed may take (token included) before it is retried later. */
      @WithDefault("5s")
      Duration timeout();

      /** Changes asked for per read; each page is applied in one transaction. */
      @WithDefault("500")
      int pageSize();
    }
  }

  interface Pseudonym {
    /**
     * The phone-pseudonym secret: the HMAC-SHA256 key for phone numbers; from a Secret in
     * production, never committed, at least 32 bytes, no default outside {@code %dev} and {@code
     * %test} (issue 21 item 7). The same secret as the consent-service's {@code
     * insyn.consent.phone-hmac-key}, so that a number has one pseudonym in both services.
     */
    @Size(min = 32, message = "must be a secret of at least 32 bytes (R33, issue 21 item 7)")
    String hmacKey();
  }

  interface Content {
    /** Which blob store holds the encrypted bytes. */
    @WithDefault("filesystem")
    Store store();

    /** Plaintext bytes per encrypted chunk; each chunk is sealed on its own so uploads stream. */
    @WithDefault("65536")
    int chunkSize();

    /** The key-encryption key that wraps every recording's data key. */
    Kek kek();

    /** The filesystem blob store. */
    Filesystem filesystem();

    /** The S3-compatible blob store. */
    S3 s3();

    enum Store {
      FILESYSTEM,
      S3
    }

    interface Kek {
      /** Id of the current KEK, stored beside every data key it wraps so the KEK can rotate. */
      String id();

      /** File with the current KEK: 32 bytes, base64. In prod a mounted Secret. */
      Path file();

      /** Whether a missing KEK file is generated (local runs and tests only, never prod). */
      @WithDefault("false")
      boolean generateMissingKey();

      /**
       * Earlier KEKs still needed to unwrap data keys wrapped before a rotation, as {@code id=file}
       * entries.
       */
      Optional<List<String>> retired();

      /**
       * How often data keys and seals still under a retired KEK are re-wrapped and re-sealed under
       * the current one ({@code off} disables it).
       */
      @WithDefault("10m")
      String rewrapEvery();
    }

    interface Filesystem {
      /** Directory of the encrypted blobs; in Kubernetes a mounted volume. */
      @WithDefault("/var/lib/insyn/recordings")
      Path dir();
    }

    interface S3 {
      /** Endpoint of the S3-compatible service, e.g. a MinIO or Ceph gateway in the cluster. */
      Optional<String> endpoint();

      /** Region name for request signing. */
      @WithDefault("us-east-1")
      String region();

      /** Bucket of the encrypted blobs (created if missing). */
      @WithDefault("insyn-recordings")
      String bucket();

      /** Access key id; from a Secret in prod. */
      Optional<String> accessKeyId();

      /** Secret access key; from a Secret in prod. */
      Optional<String> secretAccessKey();

      /** Path-style addressing, which most S3-compatible servers need. */
      @WithDefault("true")
      boolean pathStyle();

      /** Bytes per multipart part (at least 5 MiB); this much of one upload is held in memory. */
      @WithDefault("8388608")
      int partSize();
    }
  }

  interface Disposal {
    /** How often the disposal job runs. */
    @WithDefault("60s")
    String every();

    /**
     * An upload still UPLOADING after this long cannot be in progress any more (the instance that
     * received it died): its key and partial bytes are destroyed and it is marked UPLOAD_FAILED.
     */
    @WithDefault("10m")
    Duration stuckUploadAfter();

    /** Recordings disposed of per transaction; bounds the job's memory, whatever is due. */
    @WithDefault("500")
    int batchSize();
  }

  interface Access {
    /**
     * How long a second reviewer's approval of someone's access stays usable, and how long a
     * request waits for one (R50).
     */
    @WithDefault("24h")
    Duration approvalValidity();
  }
}
