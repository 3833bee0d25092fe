package se.insyn.recording.recording.service;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The channel a call is transferred to (R27). */
public record Transfer(@NotNull UUID targetChannelId) {}
