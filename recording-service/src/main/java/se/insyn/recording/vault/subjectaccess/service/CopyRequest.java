package se.insyn.recording.vault.subjectaccess.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A copy of one of the person's recordings for them (R55): whose, which recording, and, until
 * rights requests exist as records, the request's reference and the right it answers (R50, R51).
 */
public record CopyRequest(
    @Schema(examples = "+46701234567") @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String phoneNumber,
    @Schema(examples = "emp-4711") @Size(max = 200) String employeeId,
    @NotNull UUID recordingId,
    @Schema(description = "The rights request's reference (diary number)", examples = "DPO 2026/41")
        @NotBlank
        @Size(max = 200)
        String requestRef,
    @NotNull Reason reasonCode) {

  /** The right the copy answers. */
  public enum Reason {
    /** GDPR art. 15(3): a copy of the personal data undergoing processing. */
    RIGHT_OF_ACCESS,
    /** GDPR art. 20: the data in a commonly used format. */
    DATA_PORTABILITY
  }

  SubjectQuery query() {
    return new SubjectQuery(phoneNumber, employeeId, null, null);
  }
}
