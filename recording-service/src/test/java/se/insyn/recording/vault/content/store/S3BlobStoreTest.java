package se.insyn.recording.vault.content.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.insyn.recording.platform.config.RecordingConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 blob store against a real S3 API: S3Proxy over a temporary directory, started here, with
 * signed requests. Multipart uploads, visibility only after commit, deletion and the clean-up of
 * uploads a killed process left unfinished.
 */
class S3BlobStoreTest {

  private static final int PART = 5 * 1024 * 1024;

  @TempDir static Path dir;

  private static S3Proxy proxy;
  private static BlobStoreContext context;
  private static S3Client s3;
  private static S3BlobStore store;

  @BeforeAll
  static void start() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", dir.toString());
    context =
        ContextBuilder.newBuilder("filesystem")
            .credentials("identity", "credential")
            .overrides(properties)
            .build(BlobStoreContext.class);
    proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test-access", "test-secret")
            .endpoint(URI.create("http://127.0.0.1:0"))
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    String endpoint = "http://127.0.0.1:" + proxy.getPort();
    // The store as production builds it from its configuration.
    store =
        S3BlobStore.create(
            new RecordingConfig.Content.S3() {
              public Optional<String> endpoint() {
                return Optional.of(endpoint);
              }

              public String region() {
                return "us-east-1";
              }

              public String bucket() {
                return "insyn-test-recordings";
              }

              public Optional<String> accessKeyId() {
                return Optional.of("test-access");
              }

              public Optional<String> secretAccessKey() {
                return Optional.of("test-secret");
              }

              public boolean pathStyle() {
                return true;
              }

              public int partSize() {
                return PART;
              }
            });
    // A second client, for what the store does not do itself (a dead process's upload).
    s3 =
        S3Client.builder()
            .region(Region.US_EAST_1)
            .httpClient(UrlConnectionHttpClient.create())
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .endpointOverride(URI.create(endpoint))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("test-access", "test-secret")))
            .build();
  }

  @AfterAll
  static void stop() throws Exception {
    if (s3 != null) {
      s3.close();
    }
    if (proxy != null) {
      proxy.stop();
    }
    if (context != null) {
      context.close();
    }
  }

  @Test
  void aBlobOfSeveralPartsIsVisibleOnlyAfterCommitAndReadsBackExactly() throws Exception {
    byte[] bytes = new byte[2 * PART + 12345];
    new Random(7).nextBytes(bytes);
    String key = "recordings/multipart-" + System.nanoTime();
    try (BlobStore.Upload upload = store.create(key)) {
      upload.write(bytes, 0, bytes.length);
      assertFalse(store.exists(key), "not visible before commit");
      upload.commit();
    }
    assertTrue(store.exists(key));
    try (InputStream in = store.open(key)) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    store.delete(key);
    assertFalse(store.exists(key));
    store.delete(key); // deleting again is not an error (disposal may resume)
  }

  @Test
  void aSmallBlobRoundTrips() throws Exception {
    String key = "recordings/small-" + System.nanoTime();
    try (BlobStore.Upload upload = store.create(key)) {
      upload.write("tiny".getBytes());
      upload.commit();
    }
    try (InputStream in = store.open(key)) {
      assertArrayEquals("tiny".getBytes(), in.readAllBytes());
    }
  }

  @Test
  void anUploadClosedWithoutCommitLeavesNothing() throws Exception {
    String key = "recordings/abandoned-" + System.nanoTime();
    try (BlobStore.Upload upload = store.create(key)) {
      upload.write(new byte[PART + 1], 0, PART + 1);
    }
    assertFalse(store.exists(key));
    assertThrows(IOException.class, () -> store.open(key).close());
  }

  @Test
  void theUnfinishedUploadOfAKilledProcessIsAborted() throws Exception {
    String key = "recordings/killed-" + System.nanoTime();
    // A process that died mid-upload: a multipart upload started, a part sent, never completed.
    String uploadId =
        s3.createMultipartUpload(r -> r.bucket("insyn-test-recordings").key(key)).uploadId();
    s3.uploadPart(
        r -> r.bucket("insyn-test-recordings").key(key).uploadId(uploadId).partNumber(1),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[PART]));
    assertTrue(pending(key));

    store.deleteUnfinished(key);

    assertFalse(pending(key));
    assertFalse(store.exists(key));
  }

  private static boolean pending(String key) {
    return s3
        .listMultipartUploads(r -> r.bucket("insyn-test-recordings").prefix(key))
        .uploads()
        .stream()
        .anyMatch(u -> key.equals(u.key()));
  }
}
