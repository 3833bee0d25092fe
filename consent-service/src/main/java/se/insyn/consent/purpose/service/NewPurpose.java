package se.insyn.consent.purpose.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.insyn.consent.purpose.repository.Purpose;

/** A purpose to create. */
public record NewPurpose(
    @NotNull
        @Pattern(
            regexp = "[a-z0-9][a-z0-9-]{1,79}",
            message = "lower-case letters, digits and dashes, 2 to 80 characters")
        @Schema(examples = "camera-in-video-meeting")
        String code,
    @NotBlank @Size(max = 200) @Schema(examples = "Kamera i videomöte") String titleSv,
    @Size(max = 200) @Schema(examples = "Camera in video meeting") String titleEn,
    @NotEmpty @Schema(examples = "[\"EMPLOYEE\"]") Set<@NotNull SubjectKind> subjects,
    @NotNull @Schema(examples = "OPT_IN") Purpose.ChoiceModel choiceModel) {

  /** Whom a purpose concerns. */
  public enum SubjectKind {
    EMPLOYEE,
    CITIZEN
  }
}
