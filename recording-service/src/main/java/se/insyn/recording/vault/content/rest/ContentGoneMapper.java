package se.insyn.recording.vault.content.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.insyn.problem.Problem;
import se.insyn.recording.vault.content.service.ContentGoneException;

/** Disposed content answers 410 Gone with the receipt, wherever it is asked for. */
public class ContentGoneMapper {

  @ServerExceptionMapper
  public Response gone(ContentGoneException e, UriInfo uri) {
    return Response.status(Response.Status.GONE)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new GoneProblem(
                "urn:insyn:problem:disposed",
                "Disposed of",
                410,
                "The content of recording "
                    + e.recordingId()
                    + " was destroyed under its disposal decision and cannot be recovered",
                uri.getPath(),
                e.receipt()))
        .build();
  }
}
