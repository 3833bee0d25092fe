package se.insyn.recording.vault.content.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import se.insyn.recording.platform.config.RecordingConfig;

/** The configured blob store: the filesystem by default, S3-compatible storage for clusters. */
@ApplicationScoped
public class BlobStoreProducer {

  @Produces
  @ApplicationScoped
  BlobStore blobStore(RecordingConfig config) {
    RecordingConfig.Content content = config.content();
    return switch (content.store()) {
      case FILESYSTEM -> new FileSystemBlobStore(content.filesystem().dir());
      case S3 -> S3BlobStore.create(content.s3());
    };
  }
}
