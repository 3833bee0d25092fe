package se.insyn.recording.gate.policy.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a policy is suspended or retired; it goes into the audit trail. */
public record Reason(
    @Schema(examples = "Supervisory authority inquiry") @NotBlank @Size(max = 2000)
        String reason) {}
