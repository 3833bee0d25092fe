package se.insyn.audit.report.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.audit.report.service.RecordingsReport;
import se.insyn.audit.report.service.ReportService;
import se.insyn.identity.Caller;

@Path("/api/v1/reports/recordings")
@Authenticated
@Tag(name = "Reports")
public class ReportResource {

  static final String CSV = "text/csv";

  private final ReportService reports;
  private final JsonWebToken token;

  ReportResource(ReportService reports, JsonWebToken token) {
    this.reports = reports;
    this.token = token;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @RolesAllowed({"investigator", "dpo"})
  @Operation(
      summary =
          "Recordings on the channels in the window, their policy, disposal and every access, with"
              + " a completeness statement (R60, R61); JSON, or CSV (times in Europe/Stockholm) on"
              + " Accept: text/csv. The request is logged as audit.queried")
  @APIResponse(responseCode = "200", description = "The report: JSON, or CSV on Accept: text/csv")
  @APIResponse(responseCode = "400", description = "Bad parameter, purpose or caseRef; recorded")
  @APIResponse(
      responseCode = "403",
      description =
          "A protected line or more lines than a report covers (R39, R41); recorded and flagged")
  public Response recordings(
      @Parameter(description = "Channel id; repeat for several", example = "ch-118")
          @QueryParam("channel")
          List<String> channels,
      @Parameter(example = "2026-11-01T00:00:00Z") @QueryParam("from") String from,
      @Parameter(example = "2026-12-01T00:00:00Z") @QueryParam("to") String to,
      @Parameter(example = "INCIDENT_INVESTIGATION") @QueryParam("purpose") String purpose,
      @Parameter(description = "The case this report serves (R39)", example = "AU-2026-0042")
          @QueryParam("caseRef")
          String caseRef,
      @Context HttpHeaders headers) {
    RecordingsReport report = reports.recordings(caller(), channels, from, to, purpose, caseRef);
    // JSON unless CSV is explicitly preferred: */* (REST clients' default) gets JSON.
    MediaType preferred = headers.getAcceptableMediaTypes().get(0);
    if (!preferred.isWildcardType() && preferred.isCompatible(MediaType.valueOf(CSV))) {
      return Response.ok(ReportCsv.write(report), CSV + ";charset=UTF-8").build();
    }
    return Response.ok(report, MediaType.APPLICATION_JSON).build();
  }

  private Caller caller() {
    return Caller.of(token);
  }
}
