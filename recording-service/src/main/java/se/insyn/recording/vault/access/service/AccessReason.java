package se.insyn.recording.vault.access.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reason code and case reference every playback needs (R50). */
public record AccessReason(
    @NotNull ReasonCode reasonCode,
    @Schema(examples = "AM 2026/77") @NotBlank @Size(max = 200) String caseRef) {}
