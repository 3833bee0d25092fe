package se.insyn.audit.log.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.audit.log.service.Checkpoint;
import se.insyn.audit.log.service.CheckpointNotes;
import se.insyn.audit.log.service.CheckpointSigner;
import se.insyn.audit.log.service.LogService;
import se.insyn.audit.log.service.Params;
import se.insyn.audit.log.service.ReadAudit;
import se.insyn.audit.log.service.VerifyReport;
import se.insyn.audit.log.service.VerifyService;
import se.insyn.identity.Caller;

@Path("/api/v1/log")
@Authenticated
@Tag(name = "Log")
@Produces(MediaType.APPLICATION_JSON)
public class LogResource {

  private static final int MAX_ENTRIES = 1000;
  private static final String NOTE = "text/plain; charset=utf-8";
  private static final HexFormat HEX = HexFormat.of();

  private final LogService log;
  private final CheckpointSigner signer;
  private final VerifyService verifier;
  private final CheckpointNotes notes;
  private final ReadAudit audit;
  private final JsonWebToken token;

  LogResource(
      LogService log,
      CheckpointSigner signer,
      VerifyService verifier,
      CheckpointNotes notes,
      ReadAudit audit,
      JsonWebToken token) {
    this.log = log;
    this.signer = signer;
    this.verifier = verifier;
    this.notes = notes;
    this.audit = audit;
    this.token = token;
  }

  @POST
  @Path("/verify")
  @RolesAllowed("auditor")
  @Operation(
      summary =
          "Recompute the tree from the stored leaves and check it against every stored subtree and"
              + " signed checkpoint; every discrepancy is reported with its leaf index or range")
  public VerifyReport verify() {
    return verifier.verify();
  }

  @GET
  @Path("/checkpoint")
  @RolesAllowed({"auditor", "investigator", "dpo", "witness"})
  @Operation(summary = "The latest signed tree head (Ed25519 over the documented byte string)")
  @APIResponse(responseCode = "200", description = "The latest checkpoint")
  @APIResponse(responseCode = "404", description = "The log is empty; nothing is signed yet")
  public LogDtos.CheckpointDto checkpoint() {
    Checkpoint c = log.latestCheckpoint();
    return new LogDtos.CheckpointDto(
        c.treeSize(),
        HEX.formatHex(c.rootHash()),
        CheckpointSigner.timestamp(c.signedAt()),
        c.keyId(),
        Base64.getEncoder().encodeToString(c.signature()));
  }

  @GET
  @Path("/public-key")
  @RolesAllowed({"auditor", "investigator", "dpo", "witness"})
  @Operation(summary = "The Ed25519 key that verifies checkpoints (SubjectPublicKeyInfo)")
  public LogDtos.PublicKeyDto publicKey() {
    return new LogDtos.PublicKeyDto(
        signer.keyId(),
        "Ed25519",
        Base64.getEncoder().encodeToString(signer.publicKeyDer()),
        signer.publicKeyPem(),
        notes.logKey().encoded());
  }

  @GET
  @Path("/checkpoint.note")
  @Produces(NOTE)
  @RolesAllowed({"auditor", "investigator", "dpo", "witness"})
  @Operation(
      summary =
          "The latest checkpoint as a C2SP tlog-checkpoint signed note, with the witnesses'"
              + " cosignatures of it")
  @APIResponse(responseCode = "200", description = "The signed note")
  @APIResponse(responseCode = "404", description = "The log is empty; nothing is signed yet")
  public String checkpointNote() {
    return notes.latest();
  }

  @GET
  @Path("/checkpoints/{treeSize}")
  @Produces(NOTE)
  @RolesAllowed({"auditor", "investigator", "dpo", "witness"})
  @Operation(
      summary =
          "The checkpoint of a tree size as a C2SP signed note, with the witnesses' cosignatures"
              + " of it")
  @APIResponse(responseCode = "200", description = "The signed note")
  @APIResponse(responseCode = "400", description = "No tree of that size")
  public String checkpointNoteOfSize(
      @Parameter(example = "8") @PathParam("treeSize") String treeSize) {
    return notes.ofSize(Params.longs(List.of("treeSize"), List.of(treeSize), 1, 1)[0]);
  }

  @POST
  @Path("/checkpoints/{treeSize}/cosignatures")
  @RolesAllowed("witness")
  // No @Consumes: the line is read as text whatever the content type, so that a request without
  // a token is refused as 401 before its media type is looked at.
  @Operation(
      summary =
          "Hand in a witness's C2SP cosignature/v1 line for the checkpoint of a tree size; it must"
              + " come from a configured witness key and verify")
  @APIResponse(responseCode = "204", description = "Stored; served with the checkpoint note")
  @APIResponse(responseCode = "400", description = "Malformed, unknown key or does not verify")
  public void cosign(
      @Parameter(example = "8") @PathParam("treeSize") String treeSize, String cosignature) {
    notes.cosign(
        Params.longs(List.of("treeSize"), List.of(treeSize), 1, 1)[0],
        cosignature == null ? "" : cosignature);
  }

  @GET
  @Path("/leaf-hashes")
  @RolesAllowed({"auditor", "investigator", "dpo", "witness"})
  @Operation(
      summary =
          "RFC 9162 leaf hashes [start, end) (at most 1000) with their indices: enough to check"
              + " the tree without reading any event")
  @APIResponse(responseCode = "200", description = "The leaf hashes, as hex")
  @APIResponse(responseCode = "400", description = "Invalid parameter")
  public LogDtos.LeafHashesDto leafHashes(
      @Parameter(example = "0") @QueryParam("start") String start,
      @Parameter(example = "100") @QueryParam("end") String end) {
    long[] range =
        Params.longs(List.of("start", "end"), List.of(nullToEmpty(start), nullToEmpty(end)), 0, 1);
    List<LogDtos.LeafHashDto> hashes = new ArrayList<>();
    log.entries(
        range[0],
        Math.min(range[1], range[0] + MAX_ENTRIES),
        leaf -> hashes.add(new LogDtos.LeafHashDto(leaf.index(), HEX.formatHex(leaf.leafHash()))));
    return new LogDtos.LeafHashesDto(hashes);
  }

  @GET
  @Path("/entries")
  @RolesAllowed({"auditor", "investigator", "dpo"})
  @Operation(
      summary =
          "Leaf inputs [start, end) (at most 1000) with their indices. They are the events"
              + " themselves, so the caller states why and the read is logged as audit.queried")
  @APIResponse(responseCode = "200", description = "The leaf inputs (base64) with their indices")
  @APIResponse(responseCode = "400", description = "Bad parameter, purpose or caseRef; recorded")
  @APIResponse(
      responseCode = "403",
      description =
          "The range holds events about a protected line (R39, R41); recorded and flagged")
  public LogDtos.EntriesDto entries(
      @Parameter(example = "0") @QueryParam("start") String start,
      @Parameter(example = "100") @QueryParam("end") String end,
      @Parameter(
              description =
                  "INCIDENT_INVESTIGATION, SUBJECT_ACCESS_REQUEST, SUPERVISORY_REQUEST or"
                      + " INTERNAL_CONTROL",
              example = "SUPERVISORY_REQUEST")
          @QueryParam("purpose")
          String purpose,
      @Parameter(description = "The case this read serves (R39)", example = "AU-2026-0042")
          @QueryParam("caseRef")
          String caseRef) {
    long[] range =
        Params.longs(List.of("start", "end"), List.of(nullToEmpty(start), nullToEmpty(end)), 0, 1);
    long from = range[0];
    long to = Math.min(range[1], from + MAX_ENTRIES);
    audit.requireEntries(Caller.of(token), purpose, caseRef, from, to);
    List<LogDtos.EntryDto> entries = new ArrayList<>();
    log.entries(
        from,
        to,
        leaf ->
            entries.add(
                new LogDtos.EntryDto(
                    leaf.index(),
                    Base64.getEncoder()
                        .encodeToString(leaf.leafInput().getBytes(StandardCharsets.UTF_8)))));
    return new LogDtos.EntriesDto(entries);
  }

  @GET
  @Path("/proofs/inclusion")
  @RolesAllowed({"auditor", "investigator", "dpo", "witness"})
  @Operation(summary = "RFC 9162 §2.1.3 inclusion proof of a leaf in a tree of the given size")
  @APIResponse(responseCode = "200", description = "The audit path, as hex hashes")
  @APIResponse(responseCode = "410", description = "Part of the proof lies in the pruned prefix")
  public LogDtos.InclusionProofDto inclusion(
      @Parameter(example = "5") @QueryParam("leafIndex") String leafIndex,
      @Parameter(example = "8") @QueryParam("treeSize") String treeSize) {
    long[] p =
        Params.longs(
            List.of("leafIndex", "treeSize"),
            List.of(nullToEmpty(leafIndex), nullToEmpty(treeSize)),
            0,
            1);
    return new LogDtos.InclusionProofDto(p[0], p[1], hex(log.inclusionProof(p[0], p[1])));
  }

  @GET
  @Path("/proofs/consistency")
  @RolesAllowed({"auditor", "investigator", "dpo", "witness"})
  @Operation(summary = "RFC 9162 §2.1.4 consistency proof between two tree sizes")
  @APIResponse(responseCode = "200", description = "The consistency proof, as hex hashes")
  @APIResponse(responseCode = "410", description = "Part of the proof lies in the pruned prefix")
  public LogDtos.ConsistencyProofDto consistency(
      @Parameter(example = "4") @QueryParam("from") String from,
      @Parameter(example = "8") @QueryParam("to") String to) {
    long[] p =
        Params.longs(List.of("from", "to"), List.of(nullToEmpty(from), nullToEmpty(to)), 1, 1);
    return new LogDtos.ConsistencyProofDto(p[0], p[1], hex(log.consistencyProof(p[0], p[1])));
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
