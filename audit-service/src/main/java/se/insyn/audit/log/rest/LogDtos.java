package se.insyn.audit.log.rest;

import java.util.List;

/** The log's API documents. Hashes are lowercase hex; signatures and leaf inputs base64. */
public final class LogDtos {

  private LogDtos() {}

  /** A signed tree head; see CheckpointSigner for the signed byte string. */
  public record CheckpointDto(
      long treeSize, String rootHash, String timestamp, String keyId, String signature) {}

  /**
   * The checkpoint verification key; {@code noteVerifierKey} is the same key as a C2SP vkey for the
   * checkpoint notes ({@code <origin>+<hex key id>+<base64(0x01 || key)>}).
   */
  public record PublicKeyDto(
      String keyId, String algorithm, String publicKey, String pem, String noteVerifierKey) {}

  /** One leaf: its index and the leaf input (the event's canonical JSON), base64. */
  public record EntryDto(long leafIndex, String leafInput) {}

  public record EntriesDto(List<EntryDto> entries) {}

  /** One leaf's RFC 9162 leaf hash, hex. */
  public record LeafHashDto(long leafIndex, String leafHash) {}

  public record LeafHashesDto(List<LeafHashDto> leafHashes) {}

  public record InclusionProofDto(long leafIndex, long treeSize, List<String> hashes) {}

  public record ConsistencyProofDto(long from, long to, List<String> hashes) {}
}
