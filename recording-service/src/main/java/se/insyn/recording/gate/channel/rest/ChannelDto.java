package se.insyn.recording.gate.channel.rest;

import java.util.UUID;
import se.insyn.recording.gate.channel.repository.Channel;

/** A channel as the API shows it. */
public record ChannelDto(
    UUID id,
    Channel.Kind kind,
    String address,
    String name,
    Channel.ProtectedClass protectedClass,
    Channel.SecrecyClass secrecyClass,
    boolean publicRecordsLine) {

  static ChannelDto of(Channel c) {
    return new ChannelDto(
        c.id, c.kind, c.address, c.name, c.protectedClass, c.secrecyClass, c.publicRecordsLine);
  }
}
