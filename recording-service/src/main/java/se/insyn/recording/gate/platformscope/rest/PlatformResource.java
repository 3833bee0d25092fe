package se.insyn.recording.gate.platformscope.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.recording.gate.platformscope.service.PlatformPurposes;

@Path("/api/v1/platforms")
@Authenticated
@Tag(name = "Platforms")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

  private final PlatformPurposes purposes;

  PlatformResource(PlatformPurposes purposes) {
    this.purposes = purposes;
  }

  @GET
  @Path("/{client}/purposes")
  @RolesAllowed("platform-scope-reader")
  @Operation(
      summary = "The consent purposes a platform's channels use (issue 21)",
      description =
          "The purposes the policies in force on the channels the platform serves ask callers"
              + " about. The consent-service asks this, with its own identity, before it records a"
              + " caller's choice for a platform (docs/adr/0009). A platform that serves no"
              + " channel has none.")
  @APIResponse(
      responseCode = "200",
      description = "The purposes",
      content =
          @Content(
              schema = @Schema(implementation = PlatformPurposesDto.class),
              examples =
                  @ExampleObject(
                      name = "purposes",
                      value =
                          "{\"platform\":\"demo-pbx\",\"purposes\":[\"call-recording-threats\"]}")))
  public PlatformPurposesDto purposes(
      @PathParam("client")
          @Size(max = 255)
          @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be a client id")
          String client) {
    return new PlatformPurposesDto(client, purposes.of(client));
  }
}
