package se.insyn.recording.recording.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.recording.recording.service.RecordingListing;
import se.insyn.recording.recording.service.RecordingService;
import se.insyn.recording.recording.service.Transfer;

@Path("/api/v1/recordings")
@Authenticated
@Tag(name = "Recordings")
@Produces(MediaType.APPLICATION_JSON)
public class RecordingResource {

  private final RecordingService recordings;
  private final RecordingListing listing;

  RecordingResource(RecordingService recordings, RecordingListing listing) {
    this.recordings = recordings;
    this.listing = listing;
  }

  @GET
  @RolesAllowed({"recording-admin", "it-operator", "investigator", "dpo"})
  @Operation(
      summary = "List recordings' metadata (R50, R51)",
      description =
          "By channel and creation time window [from, to), oldest first, at most `limit` (default"
              + " 100, at most 1000). Never content. Every listing is audited.")
  @APIResponse(
      responseCode = "200",
      description = "Metadata",
      content =
          @Content(
              schema = @Schema(implementation = RecordingMetadataDto.class),
              examples = @ExampleObject(name = "recordings", value = RECORDING_LIST)))
  public List<RecordingMetadataDto> list(
      @QueryParam("channel") UUID channel,
      @QueryParam("from") Instant from,
      @QueryParam("to") Instant to,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return listing.list(channel, from, to, limit).stream().map(RecordingMetadataDto::of).toList();
  }

  @POST
  @Path("/{id}/started")
  @RolesAllowed("recorder")
  @Operation(summary = "The notice has played and capture begins (R20)")
  @APIResponse(
      responseCode = "200",
      description = "Capturing",
      content =
          @Content(
              schema = @Schema(implementation = RecordingDto.class),
              examples = @ExampleObject(name = "recording", value = RECORDING)))
  @APIResponse(responseCode = "409", description = "Not awaiting its start (stopped or started)")
  public RecordingDto started(@PathParam("id") UUID id) {
    return RecordingDto.of(recordings.started(id));
  }

  @POST
  @Path("/{id}/transfer")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("recorder")
  @Operation(
      summary = "The call was transferred; recording stops if the target is out of scope (R27)",
      description =
          "The recording keeps the line it was made on; the transfer is kept as a segment, and"
              + " access is governed by every line the recording touched (R35, R41).")
  @RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      value = "{\"targetChannelId\":\"0b6f1c1e-8a59-4bb8-9d6e-2f1f4b0c9a12\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Still recording, or stopped with TRANSFER_OUT_OF_SCOPE",
      content =
          @Content(
              schema = @Schema(implementation = RecordingDto.class),
              examples = @ExampleObject(name = "recording", value = RECORDING)))
  @APIResponse(responseCode = "409", description = "Already stopped")
  @APIResponse(responseCode = "422", description = "The target line is unknown (R27)")
  public RecordingDto transfer(@PathParam("id") UUID id, Transfer request) {
    return RecordingDto.of(recordings.transfer(id, request));
  }

  @POST
  @Path("/{id}/stop")
  @RolesAllowed("recorder")
  @Operation(summary = "The recording ends")
  @APIResponse(
      responseCode = "200",
      description = "Stopped",
      content =
          @Content(
              schema = @Schema(implementation = RecordingDto.class),
              examples = @ExampleObject(name = "recording", value = RECORDING)))
  @APIResponse(responseCode = "409", description = "Already stopped")
  public RecordingDto stop(@PathParam("id") UUID id) {
    return RecordingDto.of(recordings.stop(id));
  }
}
