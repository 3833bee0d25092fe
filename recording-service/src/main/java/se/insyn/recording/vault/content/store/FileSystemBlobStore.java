package se.insyn.recording.vault.content.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Blobs as files under one directory; a blob is written beside its name and moved in on commit. */
public class FileSystemBlobStore implements BlobStore {

  private final Path root;

  public FileSystemBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  private Path path(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IllegalArgumentException("blob key outside the store: " + key);
    }
    return p;
  }

  @Override
  public Upload create(String key) throws IOException {
    Path target = path(key);
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
    FileChannel channel =
        FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
    return new Upload() {
      private boolean committed;
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void commit() throws IOException {
        // A 201 means the content survives a crash: the bytes reach the disk before the name does,
        // and the name before the seal is committed.
        out.flush();
        channel.force(true);
        out.close();
        if (Files.exists(target)) {
          throw new IOException("blob " + key + " already exists");
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.getParent());
        committed = true;
      }

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        out.close();
        if (!committed) {
          Files.deleteIfExists(partial);
        }
      }
    };
  }

  /** Makes a rename in {@code directory} durable (Linux: fsync on the directory itself). */
  private static void syncDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some filesystems and platforms cannot open a directory for fsync; the rename still stands.
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    return Files.newInputStream(path(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(path(key));
  }

  @Override
  public void deleteUnfinished(String key) throws IOException {
    Path target = path(key);
    if (!Files.isDirectory(target.getParent())) {
      return;
    }
    try (DirectoryStream<Path> partials =
        Files.newDirectoryStream(target.getParent(), target.getFileName() + ".*.part")) {
      for (Path partial : partials) {
        Files.deleteIfExists(partial);
      }
    }
  }

  @Override
  public boolean exists(String key) {
    return Files.exists(path(key));
  }
}
