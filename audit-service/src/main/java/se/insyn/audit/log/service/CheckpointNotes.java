package se.insyn.audit.log.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.insyn.audit.config.AuditConfig;
import se.insyn.audit.log.note.CheckpointBody;
import se.insyn.audit.log.note.Cosignature;
import se.insyn.audit.log.note.SignedNote;
import se.insyn.audit.log.repository.CosignatureRepository;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;

/**
 * Checkpoints as C2SP signed notes (c2sp.org/tlog-checkpoint, R58), signed with the checkpoint key
 * under the log's origin, and the witnesses' cosignatures of them (c2sp.org/tlog-cosignature).
 * Ed25519 is deterministic, so a note signed on request is the same note every time.
 */
@ApplicationScoped
@Startup
public class CheckpointNotes {

  /** How far in the future a cosignature's time may lie (clock skew between log and witness). */
  private static final Duration SKEW = Duration.ofMinutes(5);

  private final String origin;
  private final CheckpointSigner signer;
  private final LogService log;
  private final CosignatureRepository cosignatures;
  private final SignedNote.VerifierKey logKey;
  private final List<SignedNote.VerifierKey> witnesses;

  CheckpointNotes(
      AuditConfig config,
      CheckpointSigner signer,
      LogService log,
      CosignatureRepository cosignatures) {
    this.origin = config.log().origin();
    this.signer = signer;
    this.log = log;
    this.cosignatures = cosignatures;
    this.logKey = SignedNote.VerifierKey.of(origin, SignedNote.ED25519, signer.rawPublicKey());
    this.witnesses =
        config.witness().keys().orElse(List.of()).stream()
            .map(SignedNote.VerifierKey::parse)
            .toList();
    witnesses.stream()
        .filter(w -> w.type() != SignedNote.COSIGNATURE_V1)
        .findAny()
        .ifPresent(
            w -> {
              throw new IllegalStateException(
                  "insyn.audit.witness.keys: " + w.name() + " is not a cosignature/v1 (0x04) key");
            });
  }

  /** The verifier key of the log's note signatures. */
  public SignedNote.VerifierKey logKey() {
    return logKey;
  }

  /** The newest checkpoint as a signed note, with the cosignatures it has. */
  @Transactional
  public String latest() {
    Checkpoint c = log.latestCheckpoint();
    return note(CheckpointBody.of(origin, c.treeSize(), c.rootHash()));
  }

  /** The checkpoint of a tree size as a signed note, with the cosignatures it has. */
  @Transactional
  public String ofSize(long treeSize) {
    return note(body(treeSize));
  }

  /** The log's note signature of a checkpoint text, alone. */
  public SignedNote.Signature sign(CheckpointBody body) {
    return new SignedNote.Signature(
        origin, logKey.keyId(), signer.signNote(body.text().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Accepts a witness's cosignature line for the checkpoint of a tree size when it comes from a
   * configured witness key and verifies over that checkpoint.
   *
   * @throws ProblemException 400 when the line is malformed, from an unknown key, does not verify
   *     or is dated in the future
   */
  @Transactional
  public void cosign(long treeSize, String line) {
    SignedNote.Signature signature =
        SignedNote.parseLine(line.strip())
            .orElseThrow(() -> invalid("is not a note signature line"));
    SignedNote.VerifierKey witness =
        witnesses.stream()
            .filter(w -> w.matches(signature))
            .findFirst()
            .orElseThrow(() -> invalid("is not from a configured witness key"));
    CheckpointBody body = body(treeSize);
    if (!Cosignature.verifies(witness, signature, body.text())) {
      throw invalid("does not verify as a cosignature/v1 of the checkpoint of this tree size");
    }
    Instant time = Instant.ofEpochSecond(Cosignature.time(signature));
    if (time.isAfter(Instant.now().plus(SKEW))) {
      throw invalid("is dated in the future");
    }
    cosignatures.store(treeSize, witness.name(), signature.line().strip(), time);
  }

  private CheckpointBody body(long treeSize) {
    return CheckpointBody.of(origin, treeSize, log.rootHash(treeSize));
  }

  private String note(CheckpointBody body) {
    List<SignedNote.Signature> signatures = new ArrayList<>();
    signatures.add(sign(body));
    for (String line : cosignatures.lines(body.treeSize())) {
      SignedNote.parseLine(line).ifPresent(signatures::add);
    }
    return SignedNote.format(body.text(), signatures);
  }

  /** Parses and verifies a note signed by this log; empty when it is not one. */
  public Optional<CheckpointBody> verified(String note) {
    return CheckpointBody.open(note, logKey);
  }

  private static ProblemException invalid(String message) {
    return ProblemException.badRequest(
        "The cosignature " + message + " (R58).",
        List.of(new Problem.Violation("cosignature", message)));
  }
}
