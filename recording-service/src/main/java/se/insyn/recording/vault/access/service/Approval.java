package se.insyn.recording.vault.access.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A second reviewer approves one person's access for one case (R50). */
public record Approval(
    @Schema(examples = "reviewer-rut") @NotBlank @Size(max = 200) String requester,
    @NotNull ReasonCode reasonCode,
    @Schema(examples = "AM 2026/77") @NotBlank @Size(max = 200) String caseRef) {}
