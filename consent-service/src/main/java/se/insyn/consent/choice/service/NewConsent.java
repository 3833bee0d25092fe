package se.insyn.consent.choice.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.insyn.consent.choice.repository.Consent;
import se.insyn.consent.subject.SubjectRef;

/**
 * A choice to record. An employee records their own (no {@code subject}: it is the caller); a
 * recorder records a citizen's on their behalf and names them by phone number.
 *
 * @param noticeVersion the notice version the person was actually shown or played
 * @param sessionId the one session a {@code SESSION} choice is for
 * @param subject only for a recorder: whose choice it is
 * @param mechanism how the choice was made; required from a recorder, always {@code UI} for an
 *     employee
 * @param interactionId only for a recorder: the call or interaction the choice was made in
 * @param expiresAt when the choice stops counting, if it does
 */
public record NewConsent(
    @NotBlank @Size(max = 80) @Schema(examples = "call-recording-caller") String purpose,
    @NotNull @Positive @Schema(examples = "1") Integer noticeVersion,
    @NotNull @Schema(examples = "GIVEN") Consent.Choice choice,
    @NotNull @Schema(examples = "STANDING") Scope scope,
    @Size(max = 200) String sessionId,
    @Valid SubjectRef subject,
    @Schema(examples = "DTMF") Consent.Mechanism mechanism,
    @Size(max = 200) @Schema(examples = "call-2026-11-23-0042") String interactionId,
    Instant expiresAt) {

  /** Whether a choice stands until changed or is for one session only. */
  public enum Scope {
    STANDING,
    SESSION
  }
}
