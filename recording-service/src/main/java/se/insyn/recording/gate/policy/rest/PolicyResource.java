package se.insyn.recording.gate.policy.rest;

import static se.insyn.recording.platform.openapi.ApiExamples.*;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.insyn.identity.Caller;
import se.insyn.recording.gate.policy.repository.PolicyVersion;
import se.insyn.recording.gate.policy.service.PolicyDraft;
import se.insyn.recording.gate.policy.service.PolicyService;
import se.insyn.recording.gate.policy.service.Reason;

@Path("/api/v1/policies")
@Authenticated
@Tag(name = "Policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

  private final PolicyService policies;
  private final JsonWebToken caller;

  PolicyResource(PolicyService policies, JsonWebToken caller) {
    this.policies = policies;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({"recording-admin", "policy-approver", "dpo"})
  @Operation(summary = "List policies (the latest version of each)")
  @APIResponse(
      responseCode = "200",
      description = "The latest version of each policy",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = PolicyDto.class),
              examples = @ExampleObject(name = "policies", value = "[" + POLICY + "]")))
  public List<PolicyDto> list() {
    return policies.listLatest().stream().map(this::dto).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("recording-admin")
  @Operation(summary = "Create a policy as a DRAFT (version 1)")
  @RequestBody(
      content = @Content(examples = @ExampleObject(name = "threats", value = POLICY_CONTENT)))
  @APIResponse(
      responseCode = "201",
      description = "Draft created",
      content =
          @Content(
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "draft", value = POLICY)))
  public Response create(PolicyDraft draft, @Context UriInfo uri) {
    PolicyDto created = dto(policies.create(draft, Caller.of(caller).subject()));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({"recording-admin", "policy-approver", "dpo"})
  @Operation(summary = "The latest version of a policy")
  @APIResponse(
      responseCode = "200",
      description = "The latest version",
      content =
          @Content(
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "policy", value = POLICY)))
  @APIResponse(responseCode = "404", description = "No such policy")
  public PolicyDto get(@PathParam("id") UUID id) {
    return dto(policies.latest(id));
  }

  @GET
  @Path("/{id}/versions")
  @RolesAllowed({"recording-admin", "policy-approver", "dpo"})
  @Operation(summary = "Every version of a policy, oldest first (R9)")
  @APIResponse(
      responseCode = "200",
      description = "Every version, oldest first",
      content =
          @Content(
              schema = @Schema(type = SchemaType.ARRAY, implementation = PolicyDto.class),
              examples = @ExampleObject(name = "versions", value = "[" + POLICY + "]")))
  @APIResponse(responseCode = "404", description = "No such policy")
  public List<PolicyDto> versions(@PathParam("id") UUID id) {
    return policies.versions(id).stream().map(this::dto).toList();
  }

  @GET
  @Path("/{id}/versions/{version}")
  @RolesAllowed({"recording-admin", "policy-approver", "dpo"})
  @Operation(summary = "One version of a policy")
  @APIResponse(
      responseCode = "200",
      description = "The version",
      content =
          @Content(
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "version", value = POLICY)))
  @APIResponse(responseCode = "404", description = "No such policy or version")
  public PolicyDto version(@PathParam("id") UUID id, @PathParam("version") int version) {
    return dto(policies.version(id, version));
  }

  @POST
  @Path("/{id}/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("recording-admin")
  @Operation(
      summary = "Change a policy: a new DRAFT version that needs approval again (R9)",
      description = "Earlier versions keep their content; the active one stays active until then.")
  @RequestBody(
      content = @Content(examples = @ExampleObject(name = "threats", value = POLICY_CONTENT)))
  @APIResponse(
      responseCode = "201",
      description = "New version created",
      content =
          @Content(
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "draft", value = POLICY)))
  @APIResponse(responseCode = "404", description = "No such policy")
  @APIResponse(
      responseCode = "409",
      description = "A draft or submitted version is open, or the policy is retired")
  public Response revise(@PathParam("id") UUID id, PolicyDraft draft, @Context UriInfo uri) {
    PolicyDto created = dto(policies.revise(id, draft, Caller.of(caller).subject()));
    return Response.created(
            uri.getAbsolutePathBuilder().path(Integer.toString(created.version())).build())
        .entity(created)
        .build();
  }

  @POST
  @Path("/{id}/submit")
  @RolesAllowed("recording-admin")
  @Operation(summary = "Submit the latest draft for approval")
  @APIResponse(
      responseCode = "200",
      description = "Submitted",
      content =
          @Content(
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "submitted", value = POLICY)))
  @APIResponse(responseCode = "404", description = "No such policy")
  @APIResponse(responseCode = "409", description = "The latest version is not a draft")
  public PolicyDto submit(@PathParam("id") UUID id) {
    return dto(policies.submit(id));
  }

  @POST
  @Path("/{id}/approve")
  @RolesAllowed("policy-approver")
  @Operation(
      summary = "Approve the submitted version, making it ACTIVE",
      description =
          "Four eyes: the author cannot approve (403). Every unmet requirement is listed in one"
              + " 422 problem (violations); the refusal is audited and the version REJECTED.")
  @APIResponse(
      responseCode = "422",
      description = "Requirements not met",
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "legitimate interest",
                      value =
                          """
                          {"type":"urn:insyn:problem:rule-violation",\
                          "title":"Policy cannot be approved","status":422,\
                          "detail":"1 requirement(s) not met","violations":[{"field":"legalBasis",\
                          "message":"a public authority may not cite legitimate interest for its\
                           tasks (R5)"}]}""")))
  @APIResponse(
      responseCode = "200",
      description = "Active",
      content =
          @Content(
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "active", value = POLICY)))
  @APIResponse(responseCode = "404", description = "No such policy")
  @APIResponse(responseCode = "409", description = "The latest version is not submitted")
  public PolicyDto approve(@PathParam("id") UUID id) {
    return dto(policies.approve(id, Caller.of(caller).subject()));
  }

  @POST
  @Path("/{id}/suspend")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({"recording-admin", "policy-approver", "dpo"})
  @Operation(summary = "Suspend the active version: decisions under it are denied")
  @RequestBody(
      content = @Content(examples = @ExampleObject(value = "{\"reason\":\"Under review\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Suspended",
      content =
          @Content(
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "suspended", value = POLICY)))
  @APIResponse(responseCode = "404", description = "No such policy")
  @APIResponse(responseCode = "409", description = "The policy has no active version")
  public PolicyDto suspend(@PathParam("id") UUID id, Reason reason) {
    return dto(policies.suspend(id, reason));
  }

  @POST
  @Path("/{id}/retire")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("recording-admin")
  @Operation(summary = "Retire the policy: no version of it can be used or approved again")
  @RequestBody(
      content = @Content(examples = @ExampleObject(value = "{\"reason\":\"Line closed\"}")))
  @APIResponse(
      responseCode = "200",
      description = "Retired",
      content =
          @Content(
              schema = @Schema(implementation = PolicyDto.class),
              examples = @ExampleObject(name = "retired", value = POLICY)))
  @APIResponse(responseCode = "404", description = "No such policy")
  @APIResponse(responseCode = "409", description = "Already retired")
  public PolicyDto retire(@PathParam("id") UUID id, Reason reason) {
    return dto(policies.retire(id, reason));
  }

  private PolicyDto dto(PolicyVersion v) {
    return PolicyDto.of(v, policies.today(), policies.screening(v));
  }
}
