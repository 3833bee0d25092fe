package se.insyn.consent.change.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.consent.change.service.ConsentChangeFeed;

@Path("/api/v1/consent-changes")
@Authenticated
@Tag(name = "Change feed")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentChangeResource {

  private final ConsentChangeFeed feed;

  ConsentChangeResource(ConsentChangeFeed feed) {
    this.feed = feed;
  }

  @GET
  @RolesAllowed("decision-client")
  @Operation(
      summary = "Consents that stopped counting, after a position",
      description =
          "For followers such as the recording-service, which stops recordings that relied on a"
              + " consent listed here. Positions are gap-free and assigned in commit order: store"
              + " `next` and ask after it; no change is ever committed below a position already"
              + " read. WITHDRAWN: the person withdrew the consent. SUPERSEDED: a later refusal or"
              + " objection replaced it. No subject is given, only the consent id and purpose.")
  @APIResponse(
      responseCode = "200",
      description = "Up to `limit` changes, oldest first",
      content =
          @Content(
              schema = @Schema(implementation = ConsentChanges.class),
              examples =
                  @ExampleObject(
                      name = "withdrawn",
                      value =
                          """
                          {"changes": [{"position": 123,
                                        "consentId": "0b9d6a0e-2f4c-4e21-8d1b-5a7c3e9f1a20",
                                        "purpose": "call-recording-caller", "change": "WITHDRAWN",
                                        "at": "2026-11-23T09:14:03.120Z"}],
                           "next": 123}""")))
  @APIResponse(responseCode = "400", description = "`after` or `limit` is not a valid number")
  public ConsentChanges changes(
      @QueryParam("after")
          @Parameter(
              description = "The last position already read; 0 (the default) for the start",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "0"),
              example = "122")
          String after,
      @QueryParam("limit")
          @Parameter(
              description = "At most this many changes, 1 to 1000 (default 500)",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"),
              example = "500")
          String limit) {
    return ConsentChanges.of(feed.after(after, limit));
  }
}
