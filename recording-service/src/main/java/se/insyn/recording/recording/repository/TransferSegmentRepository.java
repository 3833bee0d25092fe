package se.insyn.recording.recording.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TransferSegmentRepository implements PanacheRepositoryBase<TransferSegment, UUID> {

  /** The recording's transfers, in the order they happened. */
  public List<TransferSegment> listOf(UUID recordingId) {
    return list("recordingId = ?1 order by transferredAt, id", recordingId);
  }

  /** Every line the recording touched: the one it was made on, then each transfer's target. */
  public List<UUID> linesOf(Recording r) {
    List<UUID> lines = new ArrayList<>();
    lines.add(r.channelId);
    listOf(r.id).forEach(s -> lines.add(s.targetChannelId));
    return lines;
  }
}
