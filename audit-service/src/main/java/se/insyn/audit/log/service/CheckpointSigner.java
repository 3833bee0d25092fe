package se.insyn.audit.log.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.jboss.logging.Logger;
import se.insyn.audit.config.AuditConfig;

/**
 * Signs tree heads with Ed25519. The signed bytes are the UTF-8 text
 *
 * <pre>
 * insyn-audit-checkpoint/v1\n
 * &lt;treeSize, decimal&gt;\n
 * &lt;rootHash, lowercase hex&gt;\n
 * &lt;timestamp, exactly as the checkpoint's timestamp field&gt;\n
 * </pre>
 *
 * and the key id is the first 8 bytes (hex) of SHA-256 over the raw 32-byte public key.
 *
 * <p>Signing uses Bouncy Castle's Ed25519, which is about 25 times faster than the JDK's and
 * matters because every append signs a checkpoint; the keys are read, and signatures verified, with
 * the JDK. Ed25519 signatures are deterministic, so at start the two implementations must produce
 * the same signature for the same key and message.
 */
@ApplicationScoped
@Startup
public class CheckpointSigner {

  public static final String HEADER = "insyn-audit-checkpoint/v1";

  private static final Logger LOG = Logger.getLogger(CheckpointSigner.class);
  private static final int RAW_KEY_OFFSET = 12;

  private final Ed25519PrivateKeyParameters signingKey;
  private final PublicKey publicKey;
  private final String keyId;

  CheckpointSigner(AuditConfig config) {
    KeyPair pair = load(config.signing());
    this.signingKey = rawKey(pair.getPrivate());
    this.publicKey = pair.getPublic();
    this.keyId = keyIdOf(publicKey);
    byte[] probe = signedText(0, "00", "probe").getBytes(StandardCharsets.UTF_8);
    byte[] signature = sign(probe);
    if (!verify(signature, probe)) {
      throw new IllegalStateException("The configured signing keys do not belong together");
    }
    if (!Arrays.equals(signature, jdkSignature(pair.getPrivate(), probe))) {
      throw new IllegalStateException("Bouncy Castle and the JDK disagree on an Ed25519 signature");
    }
  }

  /** The exact text that is signed for a tree head. */
  public static String signedText(long treeSize, String rootHashHex, String timestamp) {
    return HEADER + "\n" + treeSize + "\n" + rootHashHex + "\n" + timestamp + "\n";
  }

  /** How a checkpoint's time is written, both in the signed text and in the API. */
  public static String timestamp(Instant signedAt) {
    return signedAt.toString();
  }

  public byte[] sign(long treeSize, byte[] rootHash, Instant signedAt) {
    return sign(text(treeSize, rootHash, signedAt));
  }

  public boolean verify(long treeSize, byte[] rootHash, Instant signedAt, byte[] signature) {
    return verify(signature, text(treeSize, rootHash, signedAt));
  }

  /** Signs arbitrary bytes (a C2SP note text) with the checkpoint key. */
  public byte[] signNote(byte[] noteText) {
    return sign(noteText);
  }

  /** The raw 32-byte Ed25519 public key (RFC 8032 encoding). */
  public byte[] rawPublicKey() {
    byte[] encoded = publicKey.getEncoded();
    return Arrays.copyOfRange(encoded, RAW_KEY_OFFSET, encoded.length);
  }

  public String keyId() {
    return keyId;
  }

  /** The public key as X.509 SubjectPublicKeyInfo (DER). */
  public byte[] publicKeyDer() {
    return publicKey.getEncoded();
  }

  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(publicKey.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static byte[] text(long treeSize, byte[] rootHash, Instant signedAt) {
    return signedText(treeSize, HexFormat.of().formatHex(rootHash), timestamp(signedAt))
        .getBytes(StandardCharsets.UTF_8);
  }

  private byte[] sign(byte[] message) {
    Ed25519Signer ed = new Ed25519Signer();
    ed.init(true, signingKey);
    ed.update(message, 0, message.length);
    return ed.generateSignature();
  }

  private static byte[] jdkSignature(PrivateKey key, byte[] message) {
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initSign(key);
      ed.update(message);
      return ed.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  private static Ed25519PrivateKeyParameters rawKey(PrivateKey key) {
    byte[] raw =
        ((EdECPrivateKey) key)
            .getBytes()
            .orElseThrow(() -> new IllegalStateException("The signing key has no raw bytes"));
    return new Ed25519PrivateKeyParameters(raw, 0);
  }

  private boolean verify(byte[] signature, byte[] message) {
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(publicKey);
      ed.update(message);
      return ed.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static KeyPair load(AuditConfig.Signing signing) {
    if (signing.privateKeyFile().isEmpty() || signing.publicKeyFile().isEmpty()) {
      if (!signing.generateMissingKey()) {
        throw new IllegalStateException(
            "insyn.audit.signing.private-key-file and public-key-file must be configured");
      }
      LOG.warn("No checkpoint signing key configured: using a generated in-memory key (dev only)");
      return generate();
    }
    Path privatePath = signing.privateKeyFile().get();
    Path publicPath = signing.publicKeyFile().get();
    try {
      if (!Files.exists(privatePath) && signing.generateMissingKey()) {
        KeyPair pair = generate();
        Files.createDirectories(privatePath.toAbsolutePath().getParent());
        Files.createDirectories(publicPath.toAbsolutePath().getParent());
        Files.writeString(privatePath, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicPath, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        LOG.warnf("Generated a dev checkpoint signing key at %s", privatePath);
        return pair;
      }
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      PrivateKey privateKey =
          factory.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(privatePath))));
      PublicKey publicKey =
          factory.generatePublic(new X509EncodedKeySpec(der(Files.readString(publicPath))));
      return new KeyPair(publicKey, privateKey);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the checkpoint signing key", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The checkpoint signing key is not an Ed25519 key", e);
    }
  }

  private static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JDK 15+ provides Ed25519", e);
    }
  }

  private static String keyIdOf(PublicKey key) {
    byte[] encoded = key.getEncoded();
    byte[] raw = Arrays.copyOfRange(encoded, RAW_KEY_OFFSET, encoded.length);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
