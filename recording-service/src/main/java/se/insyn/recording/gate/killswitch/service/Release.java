package se.insyn.recording.gate.killswitch.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the kill switch may be released; given by a second person (R29). */
public record Release(
    @Schema(examples = "Configuration reviewed, incident 2026-17 closed")
        @NotBlank
        @Size(max = 2000)
        String reason) {}
