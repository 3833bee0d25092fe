package se.insyn.recording.vault.content.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import se.insyn.recording.platform.config.RecordingConfig;

/**
 * Makes per-content data keys and wraps them with the key-encryption key (KEK) from configuration:
 * a mounted Secret in prod, a generated local key in dev and tests. Every wrapped key names its KEK
 * id so that a rotated KEK still opens older content (listed under {@code retired}). Loaded at
 * startup: a service without its KEK does not start.
 */
@Startup
@ApplicationScoped
public class KeyVault {

  private static final Logger LOG = Logger.getLogger(KeyVault.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A data key, wrapped for storage. */
  public record Wrapped(String kekId, byte[] bytes) {}

  private final String currentId;
  private final Map<String, SecretKey> keks = new HashMap<>();

  KeyVault(RecordingConfig config) {
    RecordingConfig.Content.Kek kek = config.content().kek();
    this.currentId = kek.id();
    keks.put(currentId, load(kek.file(), kek.generateMissingKey()));
    for (String entry : kek.retired().orElse(java.util.List.of())) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalStateException("insyn.recording.content.kek.retired entries are id=file");
      }
      keks.put(
          entry.substring(0, eq).trim(),
          load(Path.of(entry.substring(eq + 1).trim()), kek.generateMissingKey()));
    }
  }

  /** A fresh random AES-256 data key for one content. */
  public SecretKey newDataKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return new SecretKeySpec(key, "AES");
  }

  /** Wraps a data key with the current KEK, bound to the content it belongs to. */
  public Wrapped wrap(UUID contentId, SecretKey dataKey) {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, keks.get(currentId), new GCMParameterSpec(128, nonce));
      c.updateAAD(aad(currentId, contentId));
      byte[] sealed = c.doFinal(dataKey.getEncoded());
      return new Wrapped(
          currentId, ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap a data key", e);
    }
  }

  /** Unwraps a stored data key; fails if its KEK is unknown here or the bytes were changed. */
  public SecretKey unwrap(UUID contentId, Wrapped wrapped) {
    SecretKey kek = keks.get(wrapped.kekId());
    if (kek == null) {
      throw new IllegalStateException("KEK " + wrapped.kekId() + " is not configured");
    }
    byte[] bytes = wrapped.bytes();
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, bytes, 0, 12));
      c.updateAAD(aad(wrapped.kekId(), contentId));
      return new SecretKeySpec(c.doFinal(bytes, 12, bytes.length - 12), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot unwrap the data key of " + contentId, e);
    }
  }

  /** Id of the KEK that wraps new data keys and makes new seals. */
  public String currentKekId() {
    return currentId;
  }

  /**
   * The key that seals content hashes to their metadata (R32), derived from the KEK {@code kekId}
   * so that no further secret has to be deployed; empty when that KEK is not configured here (any
   * more), so the seal cannot be checked.
   */
  public Optional<byte[]> sealKey(String kekId) {
    SecretKey kek = keks.get(kekId);
    if (kek == null) {
      return Optional.empty();
    }
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(kek.getEncoded(), "HmacSHA256"));
      return Optional.of(mac.doFinal("insyn-recording-seal-v1".getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static byte[] aad(String kekId, UUID contentId) {
    return (kekId + "/" + contentId).getBytes(StandardCharsets.UTF_8);
  }

  private static SecretKey load(Path file, boolean generateIfMissing) {
    try {
      if (!Files.exists(file)) {
        if (!generateIfMissing) {
          throw new IllegalStateException("KEK file " + file + " is missing");
        }
        generate(file);
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
      if (key.length != 32) {
        throw new IllegalStateException("KEK file " + file + " does not hold 32 bytes (base64)");
      }
      SecretKey spec = new SecretKeySpec(key, "AES");
      Arrays.fill(key, (byte) 0);
      return spec;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read KEK file " + file, e);
    }
  }

  private static synchronized void generate(Path file) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    LOG.warnf("Generating a local key-encryption key at %s: for dev and tests only", file);
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX filesystem: the file keeps the default permissions.
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
