package se.insyn.recording.vault.access.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A second reviewer approves one person's access for one case (R50). */
public record Approval(
    @Schema(
            description =
                "The requesting reviewer's user id (the sub of their token), never their user name"
                    + " (issue 21 item 3)",
            examples = "3f1c9a52-7d4e-4b8a-9c2f-1e6d5b4a3c21")
        @NotBlank
        @Size(max = 200)
        String requester,
    @NotNull ReasonCode reasonCode,
    @Schema(examples = "AM 2026/77") @NotBlank @Size(max = 200) String caseRef) {}
