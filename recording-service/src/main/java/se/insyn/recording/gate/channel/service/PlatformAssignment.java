package se.insyn.recording.gate.channel.service;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which platform serves a channel from now on; null takes the channel away from every platform. */
public record PlatformAssignment(
    @Schema(description = "Client id (azp) of the platform; null: none", examples = "demo-pbx")
        @Size(max = 255)
        @Pattern(regexp = CLIENT_ID, message = CLIENT_ID_RULE)
        String platform) {

  /** An OIDC client id as the realm names its platforms. */
  static final String CLIENT_ID = "[A-Za-z0-9._:-]+";

  static final String CLIENT_ID_RULE = "must be a client id (letters, digits, . _ : -)";
}
