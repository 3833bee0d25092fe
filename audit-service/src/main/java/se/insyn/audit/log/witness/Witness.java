package se.insyn.audit.log.witness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import se.insyn.audit.log.merkle.MerkleProofs;
import se.insyn.audit.log.note.CheckpointBody;
import se.insyn.audit.log.note.Cosignature;
import se.insyn.audit.log.note.NoteFiles;
import se.insyn.audit.log.note.SignedNote;

/**
 * A C2SP witness of the audit log (R58): reads the newest checkpoint (from the bulletin or the
 * log), verifies the log's note signature, proves with an RFC 9162 consistency proof from the log
 * that it extends the last checkpoint this witness cosigned (kept in the state file), cosigns it
 * (cosignature/v1) and posts the cosignature back. A checkpoint that does not extend the last one
 * is a fork: the witness refuses to cosign.
 */
public final class Witness {

  /** Exit code when the checkpoint was cosigned. */
  public static final int COSIGNED = 0;

  /** Exit code when the log forked or rolled back; nothing was cosigned. */
  public static final int FORKED = 1;

  /** Exit code when the witness could not do its work (bad input, log unreachable or refusing). */
  public static final int FAILED = 2;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * What the witness needs: the log's verifier key, where the newest checkpoint is (bulletin
   * directory, else the log), the log's base URL, the state file, the witness's name and PKCS#8
   * Ed25519 key file, and a bearer token of role {@code witness}.
   */
  public record Options(
      String logKey,
      Optional<Path> bulletin,
      URI logUrl,
      Path state,
      String name,
      Path keyFile,
      String token) {}

  /** The refusal of a checkpoint that does not extend the last one cosigned. */
  static final class ForkException extends Exception {
    ForkException(String message) {
      super(message);
    }
  }

  private final Options options;
  private final HttpClient http;

  public Witness(Options options) {
    this.options = options;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** Runs one round and reports on {@code out} (the cosignature) or {@code err} (why not). */
  public int run(PrintStream out, PrintStream err) {
    try {
      out.print(cosignNewest());
      return COSIGNED;
    } catch (ForkException e) {
      err.println("FORK: " + e.getMessage() + " Refusing to cosign.");
      return FORKED;
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      err.println("witness failed: " + e.getMessage());
      return FAILED;
    }
  }

  private String cosignNewest() throws ForkException {
    SignedNote.VerifierKey log = SignedNote.VerifierKey.parse(options.logKey());
    String note = newestNote();
    CheckpointBody next =
        CheckpointBody.open(note, log)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The newest checkpoint is not a checkpoint note signed by " + log.name()));
    Optional<CheckpointBody> last = lastCosigned(log);
    if (last.isPresent()) {
      checkExtends(last.get(), next);
    }
    Ed25519PrivateKeyParameters key = privateKey();
    SignedNote.VerifierKey self =
        SignedNote.VerifierKey.of(
            options.name(), SignedNote.COSIGNATURE_V1, key.generatePublicKey().getEncoded());
    long time = Instant.now().getEpochSecond();
    Ed25519Signer ed = new Ed25519Signer();
    ed.init(true, key);
    byte[] message = Cosignature.message(time, next.text());
    ed.update(message, 0, message.length);
    String line =
        new SignedNote.Signature(
                self.name(), self.keyId(), Cosignature.signatureBytes(time, ed.generateSignature()))
            .line();
    post(next.treeSize(), line);
    NoteFiles.writeAtomically(options.state(), note);
    return line;
  }

  private void checkExtends(CheckpointBody last, CheckpointBody next) throws ForkException {
    if (next.treeSize() < last.treeSize()) {
      throw new ForkException(
          "the log's newest checkpoint has size "
              + next.treeSize()
              + ", smaller than the size "
              + last.treeSize()
              + " this witness cosigned before (a rollback).");
    }
    List<byte[]> proof =
        next.treeSize() == last.treeSize()
            ? List.of()
            : consistencyProof(last.treeSize(), next.treeSize());
    if (!MerkleProofs.verifyConsistency(
        last.treeSize(), next.treeSize(), last.rootHash(), next.rootHash(), proof)) {
      throw new ForkException(
          "the checkpoint of size "
              + next.treeSize()
              + " with root "
              + Base64.getEncoder().encodeToString(next.rootHash())
              + " is not consistent with the checkpoint of size "
              + last.treeSize()
              + " with root "
              + Base64.getEncoder().encodeToString(last.rootHash())
              + " that this witness cosigned: the log has forked (R58).");
    }
  }

  private String newestNote() {
    if (options.bulletin().isPresent()) {
      try {
        return Files.readString(options.bulletin().get().resolve("checkpoint"));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the bulletin's checkpoint", e);
      }
    }
    return send(
        request("/api/v1/log/checkpoint.note").header("Accept", "text/plain").GET().build(), 200);
  }

  private Optional<CheckpointBody> lastCosigned(SignedNote.VerifierKey log) {
    if (!Files.exists(options.state())) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          CheckpointBody.open(Files.readString(options.state()), log)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "The state file "
                              + options.state()
                              + " holds no checkpoint of this log")));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the state file", e);
    }
  }

  private List<byte[]> consistencyProof(long from, long to) {
    String body =
        send(
            request("/api/v1/log/proofs/consistency?from=" + from + "&to=" + to)
                .header("Accept", "application/json")
                .GET()
                .build(),
            200);
    JsonNode hashes;
    try {
      hashes = JSON.readTree(body).path("hashes");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The log's consistency proof is not JSON", e);
    }
    if (!hashes.isArray()) {
      throw new IllegalStateException("The log's consistency proof has no hashes");
    }
    List<byte[]> proof = new ArrayList<>();
    hashes.forEach(h -> proof.add(HexFormat.of().parseHex(h.asText())));
    return proof;
  }

  private void post(long treeSize, String line) {
    send(
        request("/api/v1/log/checkpoints/" + treeSize + "/cosignatures")
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(line, StandardCharsets.UTF_8))
            .build(),
        204);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(options.logUrl().resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + options.token());
  }

  private String send(HttpRequest request, int expected) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri().getPath()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the log at " + options.logUrl(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while talking to the log", e);
    }
  }

  private Ed25519PrivateKeyParameters privateKey() {
    try {
      String pem = Files.readString(options.keyFile());
      byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
      EdECPrivateKey key =
          (EdECPrivateKey)
              KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
      byte[] raw =
          key.getBytes().orElseThrow(() -> new IllegalStateException("The key has no raw bytes"));
      return new Ed25519PrivateKeyParameters(raw, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the witness key " + options.keyFile(), e);
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException("The witness key is not a PKCS#8 Ed25519 key", e);
    }
  }
}
