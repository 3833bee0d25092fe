package se.insyn.recording.gate.channel.rest;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.insyn.recording.gate.channel.repository.Channel;

/** A channel as the API shows it. */
public record ChannelDto(
    UUID id,
    Channel.Kind kind,
    String address,
    String name,
    Channel.ProtectedClass protectedClass,
    Channel.SecrecyClass secrecyClass,
    boolean publicRecordsLine,
    @Schema(description = "Client id of the platform serving the channel; null: none may use it")
        String platform) {

  static ChannelDto of(Channel c) {
    return new ChannelDto(
        c.id,
        c.kind,
        c.address,
        c.name,
        c.protectedClass,
        c.secrecyClass,
        c.publicRecordsLine,
        c.platform);
  }
}
