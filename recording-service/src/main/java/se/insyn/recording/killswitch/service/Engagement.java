package se.insyn.recording.killswitch.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request to engage the kill switch: no channels listed means every channel. */
public record Engagement(
    @Schema(description = "Empty or absent: every channel") @Size(max = 500) Set<UUID> channelIds,
    @Schema(examples = "Recording found on a line without a decision") @NotBlank @Size(max = 2000)
        String reason) {}
