package se.insyn.recording.vault.discovery.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;
import se.insyn.recording.gate.channel.repository.ChannelRepository;
import se.insyn.recording.platform.pseudonym.Pseudonymizer;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.content.service.ContentGoneException;
import se.insyn.recording.vault.content.service.ContentService;
import se.insyn.recording.vault.content.service.EncryptedContent;
import se.insyn.recording.vault.content.service.KeyVault;
import se.insyn.recording.vault.content.store.BlobStore;
import se.insyn.recording.vault.discovery.repository.DiscoveredRecording;
import se.insyn.recording.vault.discovery.repository.DiscoveredRecordingRepository;
import se.insyn.recording.vault.discovery.repository.DiscoveryBatch;
import se.insyn.recording.vault.discovery.repository.DiscoveryBatchRepository;
import se.insyn.recording.vault.hold.repository.LegalHoldRepository;

/**
 * Shadow recordings (issue 6 item 6): recordings found on a platform's own store are registered and
 * matched to the PERMIT decisions that made them. Those no PERMIT made are quarantined, an incident
 * is opened once per batch with its 72-hour notification deadline (R64), and only the DPO's
 * decision ends the quarantine. The disposal job never touches them: they live in their own table,
 * outside every retention.
 */
@ApplicationScoped
public class DiscoveryService {

  /** Time to notify the supervisory authority after becoming aware of a breach (R64). */
  static final Duration NOTIFICATION_WINDOW = Duration.ofHours(72);

  /**
   * The latest time to notify the supervisory authority about what was found at {@code foundAt}.
   */
  public static Instant deadline(Instant foundAt) {
    return foundAt.plus(NOTIFICATION_WINDOW);
  }

  /** A registered batch and what became of each recording in it. */
  public record Registered(DiscoveryBatch batch, List<DiscoveredRecording> recordings) {}

  private final DiscoveredRecordingRepository discovered;
  private final DiscoveryBatchRepository batches;
  private final ChannelRepository channels;
  private final RecordingRepository recordings;
  private final LegalHoldRepository holds;
  private final ContentKeyRepository keys;
  private final EncryptedContent pipeline;
  private final BlobStore blobs;
  private final Pseudonymizer pseudonymizer;
  private final AuditOutbox audit;

  DiscoveryService(
      DiscoveredRecordingRepository discovered,
      DiscoveryBatchRepository batches,
      ChannelRepository channels,
      RecordingRepository recordings,
      LegalHoldRepository holds,
      ContentKeyRepository keys,
      EncryptedContent pipeline,
      BlobStore blobs,
      Pseudonymizer pseudonymizer,
      AuditOutbox audit) {
    this.discovered = discovered;
    this.batches = batches;
    this.channels = channels;
    this.recordings = recordings;
    this.holds = holds;
    this.keys = keys;
    this.pipeline = pipeline;
    this.blobs = blobs;
    this.pseudonymizer = pseudonymizer;
    this.audit = audit;
  }

  @Transactional
  public Registered register(@Valid @NotNull NewDiscovery request, String actor) {
    Instant now = Instant.now();
    List<Problem.Violation> violations = new ArrayList<>();
    if (request.foundAt().isAfter(now.plusSeconds(60))) {
      violations.add(new Problem.Violation("foundAt", "must not be in the future"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < request.recordings().size(); i++) {
      NewDiscovery.Found f = request.recordings().get(i);
      String at = "recordings[" + i + "]";
      if (f.channelId() == null && (f.address() == null || f.address().isBlank())) {
        violations.add(new Problem.Violation(at + ".channelId", "a channel id or an address"));
      }
      if (f.channelId() != null && channels.findByIdOptional(f.channelId()).isEmpty()) {
        violations.add(new Problem.Violation(at + ".channelId", "no channel " + f.channelId()));
      }
      if (!seen.add(f.externalId())) {
        violations.add(new Problem.Violation(at + ".externalId", "listed twice"));
      }
    }
    if (!violations.isEmpty()) {
      throw ProblemException.badRequest(
          "The discovery has " + violations.size() + " invalid field(s)", violations);
    }
    for (NewDiscovery.Found f : request.recordings()) {
      if (discovered.exists(request.platform(), f.externalId())) {
        throw ProblemException.conflict(
            "Recording " + f.externalId() + " of " + request.platform() + " is already registered");
      }
    }
    DiscoveryBatch batch = new DiscoveryBatch();
    batch.id = UUID.randomUUID();
    batch.platform = request.platform();
    batch.foundAt = request.foundAt().truncatedTo(ChronoUnit.MICROS);
    batch.registeredBy = actor;
    batch.registeredAt = now;
    List<DiscoveredRecording> registered = new ArrayList<>();
    for (NewDiscovery.Found f : request.recordings()) {
      DiscoveredRecording d = new DiscoveredRecording();
      d.id = UUID.randomUUID();
      d.batchId = batch.id;
      d.platform = request.platform();
      d.externalId = f.externalId();
      d.address = f.address();
      d.channelId =
          f.channelId() != null
              ? f.channelId()
              : channels
                  .find("address = ?1", f.address())
                  .firstResultOptional()
                  .map(c -> c.id)
                  .orElse(null);
      d.callId = f.callId();
      d.recordedAt = f.recordedAt().truncatedTo(ChronoUnit.MICROS);
      d.durationSeconds = f.durationSeconds();
      d.callerHmac = f.callerNumber() == null ? null : pseudonymizer.phone(f.callerNumber());
      d.foundAt = batch.foundAt;
      d.matchedRecordingId = permitFor(d).orElse(null);
      d.status =
          d.matchedRecordingId != null
              ? DiscoveredRecording.Status.MATCHED
              : DiscoveredRecording.Status.QUARANTINED;
      registered.add(d);
    }
    List<String> quarantined =
        registered.stream()
            .filter(d -> d.status == DiscoveredRecording.Status.QUARANTINED)
            .map(d -> d.id.toString())
            .toList();
    batch.quarantined = quarantined.size();
    batches.persist(batch);
    discovered.persist(registered);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("batchId", batch.id.toString());
    data.put("platform", batch.platform);
    data.put("foundAt", batch.foundAt.toString());
    data.put("registered", registered.size());
    data.put("quarantined", quarantined.size());
    audit.record(EventType.DISCOVERY_REGISTERED, "discovery/" + batch.id, null, null, data);
    if (!quarantined.isEmpty()) {
      Map<String, Object> incident = new LinkedHashMap<>();
      incident.put("kind", "SHADOW_RECORDINGS");
      incident.put("batchId", batch.id.toString());
      incident.put("platform", batch.platform);
      incident.put("awarenessAt", batch.foundAt.toString());
      incident.put("notificationDeadline", deadline(batch.foundAt).toString());
      incident.put("quarantined", quarantined);
      audit.record(EventType.INCIDENT_OPENED, "incident/" + batch.id, null, null, incident);
    }
    return new Registered(batch, registered);
  }

  /** The recording made under a PERMIT for the same call on the same channel, if any. */
  private Optional<UUID> permitFor(DiscoveredRecording d) {
    if (d.channelId == null) {
      return Optional.empty();
    }
    String call = d.callId != null ? d.callId : d.externalId;
    return recordings
        .find("channelId = ?1 and callId = ?2", d.channelId, call)
        .firstResultOptional()
        .map(r -> r.id);
  }

  @Transactional
  public List<DiscoveredRecording> quarantined(int limit) {
    if (limit < 1 || limit > 1000) {
      throw ProblemException.badRequest(
          "limit must be 1..1000", List.of(new Problem.Violation("limit", "between 1 and 1000")));
    }
    return discovered.listByStatus(DiscoveredRecording.Status.QUARANTINED, limit);
  }

  @Transactional
  public DiscoveredRecording get(@NotNull UUID id) {
    return find(id);
  }

  /** Stores the platform's copy of a discovered recording, encrypted like any content; once. */
  public DiscoveredRecording upload(UUID id, String contentType, InputStream body) {
    return pipeline.upload(id, contentType, body, new DiscoveredContent());
  }

  /** What the pipeline needs to know about a discovered recording's row. */
  private final class DiscoveredContent implements EncryptedContent.Owner<DiscoveredRecording> {

    @Override
    public DiscoveredRecording lock(UUID id) {
      return locked(id);
    }

    @Override
    public void admit(DiscoveredRecording d) {
      if (d.status == DiscoveredRecording.Status.DISPOSED) {
        throw new ContentGoneException(d.id, d.disposalReceipt);
      }
      if (d.contentState != null) {
        throw ProblemException.conflict("The content is " + d.contentState);
      }
    }

    @Override
    public void uploading(DiscoveredRecording d, String contentType) {
      d.contentState = DiscoveredRecording.ContentState.UPLOADING;
      d.contentType = contentType;
    }

    @Override
    public void abandoned(DiscoveredRecording d) {
      d.contentState = null;
      d.contentType = null;
    }

    @Override
    public void stored(DiscoveredRecording d, EncryptedContent.Stored stored) {
      d.contentHash = stored.sha256();
      d.contentSize = stored.size();
      d.contentState = DiscoveredRecording.ContentState.SEALED;
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("sha256", stored.sha256());
      data.put("size", stored.size());
      data.put("status", d.status.name());
      audit.record(
          EventType.DISCOVERED_RECORDING_CONTENT_STORED, "discovered/" + d.id, null, null, data);
    }

    @Override
    public String blobKey(UUID id) {
      return "discovered/" + id;
    }

    @Override
    public String noun() {
      return "discovered recording";
    }
  }

  /** Opens the content for an incident handler; each opening is audited with the case it serves. */
  public ContentService.Plain open(@NotNull UUID id, @Valid @NotNull IncidentAccess access) {
    String caseRef = access.caseRef();
    EncryptedContent.Sealed sealed =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  DiscoveredRecording d = find(id);
                  if (d.status == DiscoveredRecording.Status.DISPOSED) {
                    throw new ContentGoneException(id, d.disposalReceipt);
                  }
                  if (d.contentState != DiscoveredRecording.ContentState.SEALED) {
                    throw ProblemException.notFound("The discovered recording has no content");
                  }
                  KeyVault.Wrapped key = pipeline.keyOf(id).orElseThrow();
                  Map<String, Object> data = new LinkedHashMap<>();
                  data.put("caseRef", caseRef);
                  data.put("status", d.status.name());
                  audit.record(
                      EventType.DISCOVERED_RECORDING_ACCESSED,
                      "discovered/" + id,
                      null,
                      null,
                      data);
                  return new EncryptedContent.Sealed(
                      key, d.contentType, d.contentSize, d.contentHash);
                });
    return pipeline.open(id, "discovered/" + id, sealed);
  }

  /**
   * The DPO's decision. DISPOSE crypto-shreds (the data key goes first, then the bytes) and writes
   * a receipt; KEEP_AS_EVIDENCE ties the recording to an active legal hold. Either way the
   * quarantine ends and the rationale is audited.
   */
  @Transactional
  public DiscoveredRecording decide(
      @NotNull UUID id, @Valid @NotNull DpoDecision request, String dpo) {
    DiscoveredRecording d = locked(id);
    if (d.status != DiscoveredRecording.Status.QUARANTINED) {
      throw ProblemException.conflict(
          "The discovered recording is " + d.status + ", not quarantined");
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    d.decision = request.decision();
    d.rationale = request.rationale();
    d.decidedBy = dpo;
    d.decidedAt = now;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("discoveredRecordingId", d.id.toString());
    data.put("batchId", d.batchId.toString());
    data.put("decision", request.decision().name());
    data.put("rationale", request.rationale());
    data.put("decidedBy", dpo);
    if (request.decision() == DiscoveredRecording.Decision.DISPOSE) {
      if (request.decisionRef() == null || request.decisionRef().isBlank()) {
        throw ProblemException.badRequest(
            "A disposal needs the decision it is made under",
            List.of(new Problem.Violation("decisionRef", "must not be blank")));
      }
      keys.deleteById(id);
      try {
        blobs.delete(d.blobKey());
      } catch (IOException e) {
        // Rolls the decision back with the key: nothing half done, the DPO can ask again.
        throw new IllegalStateException("blob store unavailable", e);
      }
      d.decisionRef = request.decisionRef();
      d.status = DiscoveredRecording.Status.DISPOSED;
      d.contentState = null;
      data.put("decisionRef", request.decisionRef());
      data.put("contentHash", d.contentHash);
      data.put("disposedAt", now.toString());
      UUID receiptId =
          audit.record(
              EventType.DISCOVERED_RECORDING_DISPOSED, "discovered/" + d.id, null, null, data);
      Map<String, Object> receipt = new LinkedHashMap<>(data);
      receipt.put("receiptId", receiptId.toString());
      d.disposalReceipt = receipt;
    } else {
      if (request.holdId() == null) {
        throw ProblemException.badRequest(
            "Keeping as evidence needs the legal hold it is kept under",
            List.of(new Problem.Violation("holdId", "must not be null")));
      }
      if (holds.findByIdOptional(request.holdId()).filter(h -> h.active()).isEmpty()) {
        throw ProblemException.unprocessable(
            "No active legal hold",
            "Legal hold " + request.holdId() + " does not exist or has been released",
            List.of(new Problem.Violation("holdId", "no active legal hold")));
      }
      d.holdId = request.holdId();
      d.status = DiscoveredRecording.Status.KEPT_AS_EVIDENCE;
      data.put("holdId", request.holdId().toString());
      audit.record(
          EventType.DISCOVERED_RECORDING_KEPT_AS_EVIDENCE, "discovered/" + d.id, null, null, data);
    }
    return d;
  }

  private DiscoveredRecording find(UUID id) {
    return discovered
        .findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("No discovered recording " + id));
  }

  private DiscoveredRecording locked(UUID id) {
    return discovered
        .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow(() -> ProblemException.notFound("No discovered recording " + id));
  }
}
