package se.insyn.consent.decision.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.insyn.consent.subject.SubjectRef;

/**
 * A question before capture: may this purpose go ahead for all of these people?
 *
 * @param sessionId the session (meeting, call) asked about; choices made for it count besides the
 *     standing ones
 */
public record DecisionRequest(
    @NotBlank @Size(max = 80) @Schema(examples = "call-recording-caller") String purpose,
    @NotEmpty @Size(max = 50) List<@NotNull @Valid SubjectRef> subjects,
    @Size(max = 200) @Schema(examples = "call-0042") String sessionId) {}
