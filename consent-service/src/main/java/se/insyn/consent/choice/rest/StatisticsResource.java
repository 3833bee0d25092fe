package se.insyn.consent.choice.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.consent.choice.service.StatisticsService;

@Path("/api/v1/purposes/{code}/statistics")
@Authenticated
@Tag(name = "Statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

  /** The choices in force for a purpose, counted; small counts suppressed. */
  public record Statistics(
      String purpose, int minimumCount, List<StatisticsService.Count> counts) {}

  private final StatisticsService statistics;

  StatisticsResource(StatisticsService statistics) {
    this.statistics = statistics;
  }

  @GET
  @RolesAllowed({"consent-admin", "dpo"})
  @Operation(
      summary = "Counts of the choices in force by notice version and state",
      description =
          "Aggregates only (R17, R76): counts below minimumCount are shown as \"<minimumCount\".")
  @APIResponse(
      responseCode = "200",
      description = "The counts",
      content =
          @Content(
              schema = @Schema(implementation = Statistics.class),
              examples =
                  @ExampleObject(
                      name = "camera",
                      value =
                          """
                          {"purpose": "camera-in-video-meeting", "minimumCount": 5,
                           "counts": [{"noticeVersion": 2, "state": "GIVEN", "count": "41"},
                                      {"noticeVersion": 2, "state": "REFUSED", "count": "<5"}]}""")))
  @APIResponse(responseCode = "404", description = "No such purpose")
  public Statistics get(@PathParam("code") String code) {
    return new Statistics(code, statistics.minimum(), statistics.statistics(code));
  }
}
