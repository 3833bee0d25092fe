package se.insyn.consent.choice.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A withdrawal. The subject themself sends an empty object ({@code {}}).
 *
 * @param interactionId required from a recorder: the call in which the person withdrew
 */
public record Withdrawal(
    @Size(max = 200) @Schema(examples = "call-2026-11-23-0107") String interactionId) {}
