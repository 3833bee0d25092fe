package se.insyn.recording.gate.channel.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.recording.gate.channel.service.ChannelService;
import se.insyn.recording.gate.channel.service.NewChannel;
import se.insyn.recording.gate.channel.service.PlatformAssignment;

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
  @APIResponse(
      responseCode = "200",
      description = "The channels",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = ChannelDto.class),
              examples = @ExampleObject(name = "channels", value = "[" + CHANNEL + "]")))
  public List<ChannelDto> list() {
    return channels.list().stream().map(ChannelDto::of).toList();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"recording-admin", "policy-approver", "dpo"})
  @Operation(summary = "One channel")
  @APIResponse(
      responseCode = "200",
      description = "The channel",
      content =
          @Content(
              schema = @Schema(implementation = ChannelDto.class),
              examples = @ExampleObject(name = "channel", value = CHANNEL)))
  @APIResponse(responseCode = "404", description = "No such channel")
  public ChannelDto get(@PathParam("id") UUID id) {
    return ChannelDto.of(channels.get(id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("recording-admin")
  @Operation(summary = "Register a channel; it records nothing until a policy is approved (R3)")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "phone line",
                      value =
                          """
                          {"kind":"PHONE_LINE","address":"+46351370000","name":"Medborgarservice",\
                          "secrecyClass":null,"protectedClass":null,"publicRecordsLine":true,\
                          "platform":"demo-pbx"}""")))
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content =
          @Content(
              schema = @Schema(implementation = ChannelDto.class),
              examples = @ExampleObject(name = "channel", value = CHANNEL)))
  @APIResponse(responseCode = "409", description = "Same kind and address already registered")
  public Response create(NewChannel request, @Context UriInfo uri) {
    ChannelDto created = ChannelDto.of(channels.create(request));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @PUT
  @Path("/{id}/platform")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("recording-admin")
  @Operation(
      summary = "Name the platform that serves the channel (issue 21)",
      description =
          "Only that platform (the client id in its tokens' azp) may ask \"may I record?\" for"
              + " the channel; null takes the channel away from every platform. Audited as"
              + " channel.platform-assigned.")
  @RequestBody(content = @Content(examples = @ExampleObject(value = "{\"platform\":\"demo-pbx\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Assigned",
      content =
          @Content(
              schema = @Schema(implementation = ChannelDto.class),
              examples = @ExampleObject(name = "channel", value = CHANNEL)))
  @APIResponse(responseCode = "404", description = "No such channel")
  public ChannelDto assign(@PathParam("id") UUID id, PlatformAssignment request) {
    return ChannelDto.of(channels.assign(id, request));
  }
}
