package se.insyn.recording.vault.subjectaccess.service;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whose recordings: a caller's phone number (with a period) or an employee id (R54, R56). */
public record SubjectQuery(
    @Schema(examples = "+46701234567") @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String phoneNumber,
    @Schema(examples = "emp-4711") @Size(max = 200) String employeeId,
    Instant from,
    Instant to) {}
