package se.insyn.recording.vault.discovery.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Recordings an operator found on a platform's own store.
 *
 * @param foundAt when the organisation became aware of them: the 72-hour clock starts here (R64)
 */
public record NewDiscovery(
    @NotBlank @Size(max = 100) String platform,
    @NotNull Instant foundAt,
    @NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull Found> recordings) {

  /**
   * One recording as the platform lists it: a channel id or its address, and optionally the call id
   * the platform used when it asked "may I record?" (the external id otherwise).
   */
  public record Found(
      @NotBlank @Size(max = 200) String externalId,
      UUID channelId,
      @Size(max = 100) String address,
      @Size(max = 200) String callId,
      @NotNull Instant recordedAt,
      @NotNull @PositiveOrZero Integer durationSeconds,
      @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "an E.164 number") String callerNumber) {}
}
