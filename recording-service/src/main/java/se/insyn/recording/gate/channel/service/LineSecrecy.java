package se.insyn.recording.gate.channel.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import se.insyn.recording.gate.channel.repository.Channel;
import se.insyn.recording.gate.channel.repository.ChannelRepository;
import se.insyn.recording.recording.repository.Recording;
import se.insyn.recording.recording.repository.TransferSegmentRepository;

/**
 * The secrecy that governs access to a recording (R35, R41, issue 20 item 1): the strictest of
 * every line it touched, the one it was made on and each transfer's target. The classes are not
 * ranked against each other (each guards another kind of secret) and any one of them requires a
 * second approver, so the strictest is all of them together. A line that is no longer known counts
 * as classed: it must never let an access skip the check.
 */
@ApplicationScoped
public class LineSecrecy {

  /** Stands for a line the recording touched that no longer exists. */
  public static final String UNKNOWN_LINE = "UNKNOWN_LINE";

  private final ChannelRepository channels;
  private final TransferSegmentRepository segments;

  LineSecrecy(ChannelRepository channels, TransferSegmentRepository segments) {
    this.channels = channels;
    this.segments = segments;
  }

  /** The secrecy classes of the recording's lines, by name; empty when none is classed. */
  public Set<String> of(Recording r) {
    Set<String> classes = new TreeSet<>();
    for (UUID line : segments.linesOf(r)) {
      Channel c = channels.findById(line);
      if (c == null) {
        classes.add(UNKNOWN_LINE);
      } else if (c.secrecyClass != null) {
        classes.add(c.secrecyClass.name());
      }
    }
    return classes;
  }
}
