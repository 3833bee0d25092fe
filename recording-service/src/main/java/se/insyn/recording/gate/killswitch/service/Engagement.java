package se.insyn.recording.gate.killswitch.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request to engage the kill switch: no channels listed means every channel. A list rather than a
 * set so that an unknown id can be reported by its position in the request.
 */
public record Engagement(
    @Schema(description = "Existing channel ids; empty or absent: every channel") @Size(max = 500)
        List<@NotNull UUID> channelIds,
    @Schema(examples = "Recording found on a line without a decision") @NotBlank @Size(max = 2000)
        String reason) {}
