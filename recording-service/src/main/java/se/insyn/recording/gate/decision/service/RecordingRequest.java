package se.insyn.recording.gate.decision.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.insyn.recording.recording.repository.Recording;

/** "May I record?" as a phone system or meeting platform asks it. */
public record RecordingRequest(
    @NotNull UUID channelId,
    @Schema(description = "The platform's call or session id", examples = "pbx-7f3a-2291")
        @NotBlank
        @Size(max = 200)
        String callId,
    @NotNull Recording.Direction direction,
    @Schema(description = "CALL_START by the platform, ON_DEMAND by the officer mid-call") @NotNull
        Recording.Trigger trigger,
    @Valid Participants participants) {

  /** Who is on the call. The number is used for the consent question and then only as an HMAC. */
  public record Participants(
      @Schema(examples = "+46701234567")
          @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "must be an E.164 number")
          String callerNumber,
      @Schema(examples = "[\"emp-4711\"]") @Size(max = 50)
          List<@NotBlank @Size(max = 200) String> employeeIds) {}

  public String callerNumber() {
    return participants == null ? null : participants.callerNumber();
  }

  public List<String> employeeIds() {
    return participants == null || participants.employeeIds() == null
        ? List.of()
        : participants.employeeIds();
  }
}
