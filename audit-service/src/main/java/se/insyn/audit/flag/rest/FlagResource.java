package se.insyn.audit.flag.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.audit.flag.service.FlagService;
import se.insyn.identity.Caller;

@Path("/api/v1/flags")
@Authenticated
@Tag(name = "Flags")
@Produces(MediaType.APPLICATION_JSON)
public class FlagResource {

  private final FlagService flags;
  private final SecurityIdentity identity;

  FlagResource(FlagService flags, SecurityIdentity identity) {
    this.flags = flags;
    this.identity = identity;
  }

  @GET
  @RolesAllowed("dpo")
  @Operation(
      summary =
          "The dpo.flagged events (R38, R39): protected lines in a policy's scope and reads"
              + " refused as source tracing, oldest first; the read is logged as audit.queried")
  @APIResponse(responseCode = "200", description = "Up to 200 flags after the given leaf index")
  @APIResponse(
      responseCode = "400",
      description = "Missing purpose or case reference; refusal recorded")
  @APIResponse(responseCode = "403", description = "Only the DPO lists flags")
  public List<FlagService.Flag> list(
      @Parameter(description = "Leaf index of the last flag seen; -1 for the first page")
          @QueryParam("after")
          @DefaultValue("-1")
          long after,
      @Parameter(example = "INTERNAL_CONTROL") @QueryParam("purpose") String purpose,
      @Parameter(description = "The case this read serves (R39)", example = "DPO-2026-7")
          @QueryParam("caseRef")
          String caseRef) {
    return flags.list(Caller.of(identity), after, purpose, caseRef);
  }
}
