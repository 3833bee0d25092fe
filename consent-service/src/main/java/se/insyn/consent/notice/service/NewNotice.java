package se.insyn.consent.notice.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A notice version to publish.
 *
 * @param texts the notice per language (ISO 639-1 code); Swedish ({@code sv}) is required (R25)
 * @param limits what the organisation commits not to do with the data, and how long it keeps it
 * @param requiresReconsent a material change: choices made under older versions stop counting
 */
public record NewNotice(
    @NotEmpty
        @Schema(
            examples =
                "{\"sv\": \"Din kamera är avstängd tills du själv slår på den.\", \"en\": \"Your"
                    + " camera stays off until you turn it on.\"}")
        Map<
                @NotNull @Pattern(regexp = "[a-z]{2}", message = "an ISO 639-1 language code")
                String,
                @NotBlank @Size(max = 20000) String>
            texts,
    @NotEmpty List<@NotNull @Valid Limit> limits,
    @NotBlank @Size(max = 200) @Schema(examples = "Försäkringskassan") String controller,
    @NotBlank @Size(max = 200) @Schema(examples = "dataskyddsombud@example.se") String contact,
    boolean requiresReconsent) {

  /** One commitment on use, in words per language (sv required) and with a machine kind. */
  public record Limit(
      @NotNull @Schema(examples = "NOT_RECORDED") LimitKind kind,
      @NotEmpty
          @Schema(
              examples =
                  "{\"sv\": \"Myndigheten spelar inte in videomöten.\", \"en\": \"The agency does"
                      + " not record video meetings.\"}")
          Map<
                  @NotNull @Pattern(regexp = "[a-z]{2}", message = "an ISO 639-1 language code")
                  String,
                  @NotBlank @Size(max = 2000) String>
              text) {}

  /** What a limit is about, so that portals and checks can find e.g. the retention. */
  public enum LimitKind {
    /** The data is not recorded or stored. */
    NOT_RECORDED,
    /** The data is not used to evaluate or monitor staff (R76). */
    NOT_USED_FOR_EVALUATION,
    /** How long the data is kept. */
    RETENTION,
    /** Who may access the data. */
    ACCESS,
    /** With whom the data is (not) shared. */
    SHARING,
    OTHER
  }
}
