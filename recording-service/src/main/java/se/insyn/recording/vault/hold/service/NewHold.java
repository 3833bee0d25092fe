package se.insyn.recording.vault.hold.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.insyn.recording.vault.hold.repository.LegalHold;

/** A hold to place: by recording ids, or by channel and window (exactly one of the two). */
public record NewHold(
    @Schema(examples = "KS 2026/331") @NotBlank @Size(max = 200) String caseRef,
    @NotNull LegalHold.Reason reason,
    @Valid @NotNull Criteria criteria) {

  public record Criteria(
      @Size(max = 1000) List<@NotNull UUID> recordingIds,
      UUID channelId,
      Instant from,
      Instant to) {}
}
