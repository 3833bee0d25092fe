package se.insyn.consent.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subject as a caller names it: an employee id, or a phone number in E.164 form. */
public record SubjectRef(
    @NotNull @Schema(examples = "phone") SubjectType type,
    @NotBlank @Size(max = 200) @Schema(examples = "+46701234567") String value) {}
