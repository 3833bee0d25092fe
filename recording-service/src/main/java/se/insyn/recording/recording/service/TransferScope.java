package se.insyn.recording.recording.service;

import java.util.UUID;
import se.insyn.recording.recording.repository.Recording;

/**
 * Whether a recording may go on after its call moves to another channel (R27). The lifecycle asks;
 * the gate, which owns channels, policies and the kill switch, answers.
 */
public interface TransferScope {

  boolean covers(Recording recording, UUID targetChannelId);

  /** Whether the line exists at all; a transfer to an unknown line is refused (R27). */
  boolean knows(UUID channelId);
}
