package se.insyn.recording.vault.hold.service;

import java.util.List;
import java.util.UUID;
import se.insyn.recording.vault.hold.repository.LegalHold;

/** A hold and what it found when it was placed: covered now, and already disposed of. */
public record HoldView(LegalHold hold, List<UUID> covered, List<UUID> alreadyDisposed) {}
