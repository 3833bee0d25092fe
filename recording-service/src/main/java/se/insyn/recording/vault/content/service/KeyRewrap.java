package se.insyn.recording.vault.content.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.jboss.logging.Logger;
import se.insyn.events.EventType;
import se.insyn.outbox.AuditOutbox;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.RecordingRepository;
import se.insyn.recording.vault.content.repository.ContentKey;
import se.insyn.recording.vault.content.repository.ContentKeyRepository;
import se.insyn.recording.vault.content.repository.RecordingContentRepository;

/**
 * Finishes a KEK rotation (k8s/README.md, "Key rotation"): every data key still wrapped by a
 * retired KEK is unwrapped and wrapped again by the current one, and every seal made with a retired
 * KEK's derived key is checked and, only if it still holds, made again with the current one. When
 * {@link Run#remaining()} is zero the retired KEK can be removed. A seal that no longer holds is
 * left as it was, so the break stays visible, and is named in the audit event.
 *
 * <p>Rows are claimed with {@code for update skip locked} in small batches, so uploads, playback
 * and disposal go on meanwhile, and a crash loses at most one uncommitted batch.
 */
@ApplicationScoped
public class KeyRewrap {

  private static final Logger LOG = Logger.getLogger(KeyRewrap.class);
  private static final int BATCH = 200;

  /**
   * What one run did. {@code remaining} counts keys and seals still under another KEK afterwards:
   * those whose KEK is not configured here and seals that no longer hold.
   */
  public record Run(int rewrapped, int resealed, List<UUID> sealsNotHolding, long remaining) {}

  private final ContentKeyRepository keys;
  private final RecordingRepository recordings;
  private final RecordingContentRepository contents;
  private final KeyVault vault;
  private final AuditOutbox audit;

  KeyRewrap(
      ContentKeyRepository keys,
      RecordingRepository recordings,
      RecordingContentRepository contents,
      KeyVault vault,
      AuditOutbox audit) {
    this.keys = keys;
    this.recordings = recordings;
    this.contents = contents;
    this.vault = vault;
    this.audit = audit;
  }

  @Scheduled(
      identity = "recording-key-rewrap",
      every = "${insyn.recording.content.kek.rewrap-every}",
      delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    Run run = run();
    if (run.rewrapped() > 0 || run.resealed() > 0) {
      LOG.infof(
          "KEK rotation: %d data keys re-wrapped and %d seals re-made under %s; %d left",
          run.rewrapped(), run.resealed(), vault.currentKekId(), run.remaining());
    }
    if (!run.sealsNotHolding().isEmpty()) {
      LOG.warnf(
          "KEK rotation: %d seals do not hold and were left under their old KEK: %s",
          run.sealsNotHolding().size(), run.sealsNotHolding());
    }
  }

  /** Re-wraps and re-seals everything it can, batch by batch. */
  public Run run() {
    int rewrapped = 0;
    UUID after = new UUID(0, 0);
    Batch b;
    while ((b = QuarkusTransaction.requiringNew().call(keysAfter(after))).claimed() > 0) {
      rewrapped += b.changed();
      after = b.last();
    }
    int resealed = 0;
    List<UUID> notHolding = new ArrayList<>();
    after = new UUID(0, 0);
    while ((b = QuarkusTransaction.requiringNew().call(sealsAfter(after))).claimed() > 0) {
      resealed += b.changed();
      notHolding.addAll(b.notHolding());
      after = b.last();
    }
    return new Run(rewrapped, resealed, notHolding, remaining());
  }

  /** Data keys and seals not under the current KEK. */
  public long remaining() {
    String current = vault.currentKekId();
    return QuarkusTransaction.requiringNew().call(() -> contents.countNotUnder(current));
  }

  private record Batch(int claimed, int changed, UUID last, List<UUID> notHolding) {}

  private java.util.concurrent.Callable<Batch> keysAfter(UUID after) {
    return () -> {
      List<UUID> ids = contents.claimKeysNotUnder(vault.currentKekId(), after, BATCH);
      int changed = 0;
      TreeSet<String> from = new TreeSet<>();
      for (UUID id : ids) {
        ContentKey key = keys.findById(id);
        SecretKey dataKey;
        try {
          dataKey = vault.unwrap(id, new KeyVault.Wrapped(key.kekId, key.wrappedKey));
        } catch (IllegalStateException e) {
          // Its KEK is not configured here, or the bytes were changed: left for an operator.
          LOG.warnf("data key of %s cannot be re-wrapped: %s", id, e.getMessage());
          continue;
        }
        KeyVault.Wrapped wrapped = vault.wrap(id, dataKey);
        from.add(key.kekId);
        key.kekId = wrapped.kekId();
        key.wrappedKey = wrapped.bytes();
        changed++;
      }
      if (changed > 0) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dataKeys", changed);
        data.put("fromKekIds", List.copyOf(from));
        data.put("toKekId", vault.currentKekId());
        audit.record(
            EventType.RECORDING_KEYS_REWRAPPED, "kek/" + vault.currentKekId(), null, null, data);
      }
      return new Batch(
          ids.size(), changed, ids.isEmpty() ? after : ids.get(ids.size() - 1), List.of());
    };
  }

  private java.util.concurrent.Callable<Batch> sealsAfter(UUID after) {
    return () -> {
      List<UUID> ids = contents.claimSealsNotUnder(vault.currentKekId(), after, BATCH);
      int changed = 0;
      List<UUID> notHolding = new ArrayList<>();
      TreeSet<String> from = new TreeSet<>();
      for (UUID id : ids) {
        Recording r = recordings.findById(id);
        Optional<byte[]> old = vault.sealKey(r.sealKekId);
        if (old.isEmpty()) {
          LOG.warnf("seal of %s was made under %s, which is not configured", id, r.sealKekId);
          continue;
        }
        if (!Seal.holds(r, old.get())) {
          notHolding.add(id);
          continue;
        }
        from.add(r.sealKekId);
        Seal.make(r, vault);
        changed++;
      }
      if (changed > 0 || !notHolding.isEmpty()) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seals", changed);
        data.put("fromKekIds", List.copyOf(from));
        data.put("toKekId", vault.currentKekId());
        data.put("sealsNotHolding", notHolding.stream().map(UUID::toString).toList());
        audit.record(
            EventType.RECORDING_SEALS_RENEWED, "kek/" + vault.currentKekId(), null, null, data);
      }
      return new Batch(
          ids.size(), changed, ids.isEmpty() ? after : ids.get(ids.size() - 1), notHolding);
    };
  }
}
