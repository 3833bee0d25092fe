package se.insyn.recording.channel.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.recording.channel.service.ChannelService;

@Path("/api/v1/channels")
@Authenticated
@Tag(name = "Channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelResource {

  private final ChannelService channels;

  ChannelResource(ChannelService channels) {
    this.channels = channels;
  }

  @GET
  @RolesAllowed({"recording-admin", "policy-approver", "dpo"})
  @Operation(summary = "List the channels (lines, queues, voicemail boxes, meeting types)")
  public List<ChannelDto> list() {
    return channels.list().stream().map(ChannelDto::of).toList();
  }
}
