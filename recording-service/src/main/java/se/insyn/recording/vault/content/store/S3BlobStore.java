package se.insyn.recording.vault.content.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import se.insyn.recording.platform.config.RecordingConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs in an S3-compatible bucket (for clusters, e.g. MinIO or Ceph). Uploads go up as multipart
 * uploads part by part, so at most one part of an upload is in memory whatever its size; an upload
 * closed without a commit is aborted.
 */
public class S3BlobStore implements BlobStore {

  private static final int MIN_PART = 5 * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final int partSize;

  public S3BlobStore(S3Client s3, String bucket, int partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.partSize = Math.max(partSize, MIN_PART);
    ensureBucket();
  }

  public static S3BlobStore create(RecordingConfig.Content.S3 config) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(config.region()))
            .httpClient(UrlConnectionHttpClient.create())
            .forcePathStyle(config.pathStyle())
            // Checksums only where S3 requires them: the SDK's default trailing checksums are not
            // understood by many S3-compatible servers (S3Proxy, older Ceph and MinIO releases);
            // integrity is the content's own SHA-256 and GCM tags anyway.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    config.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
    if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(
                  config.accessKeyId().get(), config.secretAccessKey().get())));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return new S3BlobStore(builder.build(), config.bucket(), config.partSize());
  }

  private void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException e) {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw e;
      }
      s3.createBucket(b -> b.bucket(bucket));
    }
  }

  @Override
  public Upload create(String key) {
    return new Upload() {
      private final byte[] part = new byte[partSize];
      private final List<CompletedPart> parts = new ArrayList<>();
      private int filled;
      private String uploadId;
      private boolean committed;
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
          if (filled == part.length) {
            sendPart();
          }
          int n = Math.min(len, part.length - filled);
          System.arraycopy(b, off, part, filled, n);
          filled += n;
          off += n;
          len -= n;
        }
      }

      private void sendPart() throws IOException {
        try {
          if (uploadId == null) {
            uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
          }
          int number = parts.size() + 1;
          String etag =
              s3.uploadPart(
                      r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                      RequestBody.fromBytes(java.util.Arrays.copyOf(part, filled)))
                  .eTag();
          parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
          filled = 0;
        } catch (S3Exception e) {
          throw new IOException("S3 upload of " + key + " failed", e);
        }
      }

      @Override
      public void commit() throws IOException {
        try {
          if (uploadId == null) {
            s3.putObject(
                r -> r.bucket(bucket).key(key),
                RequestBody.fromBytes(java.util.Arrays.copyOf(part, filled)));
          } else {
            if (filled > 0) {
              sendPart();
            }
            s3.completeMultipartUpload(
                r ->
                    r.bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts)));
          }
          committed = true;
        } catch (S3Exception e) {
          throw new IOException("S3 upload of " + key + " failed", e);
        }
      }

      @Override
      public void close() {
        if (closed) {
          return;
        }
        closed = true;
        if (!committed && uploadId != null) {
          s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        }
      }
    };
  }

  @Override
  public InputStream open(String key) throws IOException {
    try {
      return s3.getObject(r -> r.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(key);
    } catch (S3Exception e) {
      throw new IOException("S3 read of " + key + " failed", e);
    }
  }

  @Override
  public void deleteUnfinished(String key) throws IOException {
    try {
      for (var upload : s3.listMultipartUploads(r -> r.bucket(bucket).prefix(key)).uploads()) {
        if (key.equals(upload.key())) {
          s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(upload.uploadId()));
        }
      }
    } catch (S3Exception e) {
      throw new IOException("S3 cleanup of unfinished uploads of " + key + " failed", e);
    }
  }

  @Override
  public void delete(String key) throws IOException {
    try {
      s3.deleteObject(r -> r.bucket(bucket).key(key));
    } catch (S3Exception e) {
      throw new IOException("S3 delete of " + key + " failed", e);
    }
  }

  @Override
  public boolean exists(String key) throws IOException {
    try {
      s3.headObject(r -> r.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw new IOException("S3 lookup of " + key + " failed", e);
    }
  }
}
