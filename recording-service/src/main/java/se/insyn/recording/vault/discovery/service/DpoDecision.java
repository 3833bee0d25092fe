package se.insyn.recording.vault.discovery.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import se.insyn.recording.vault.discovery.repository.DiscoveredRecording;

/**
 * The DPO's decision on a quarantined recording: dispose of it under a decision ({@code
 * decisionRef}, e.g. a registry number), or keep it as evidence under an active legal hold.
 */
public record DpoDecision(
    @NotNull DiscoveredRecording.Decision decision,
    @Size(max = 200) String decisionRef,
    UUID holdId,
    @NotBlank @Size(max = 2000) String rationale) {}
