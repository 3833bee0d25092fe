package se.insyn.recording.gate.killswitch.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** One engagement of the kill switch (R29); released when {@code releasedAt} is set. */
@Entity
@Table(name = "kill_switch")
public class KillSwitch {

  @Id public UUID id;

  /** Everything, or only {@link #channelIds}. */
  @Column(name = "all_channels", nullable = false)
  public boolean allChannels;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "kill_switch_channel", joinColumns = @JoinColumn(name = "kill_switch_id"))
  @Column(name = "channel_id")
  public Set<UUID> channelIds = new LinkedHashSet<>();

  @Column(nullable = false)
  public String reason;

  @Column(name = "engaged_by", nullable = false)
  public String engagedBy;

  @Column(name = "engaged_at", nullable = false)
  public Instant engagedAt;

  @Column(name = "released_by")
  public String releasedBy;

  @Column(name = "released_at")
  public Instant releasedAt;

  @Column(name = "release_reason")
  public String releaseReason;
}
