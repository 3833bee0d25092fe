package se.insyn.consent.portal.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import se.insyn.consent.choice.repository.Consent;
import se.insyn.consent.portal.service.PortalService;
import se.insyn.identity.Caller;
import se.insyn.problem.Problem;
import se.insyn.problem.ProblemException;

/**
 * The officer's self-service page: plain HTML forms, no script. Logged in with the
 * authorization-code flow of the {@code portal} OIDC tenant (see application.properties). Every
 * form carries a {@link FormTokens} token; after a choice the browser is sent back to the page.
 */
@Path("/me")
@Authenticated
public class PortalResource {

  private static final List<String> LANGUAGES = List.of("sv", "en");

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance me(
        List<PortalRow> rows, String lang, String otherLang, String formToken, String user);

    static native TemplateInstance loggedOut(String lang);
  }

  private final PortalService portal;
  private final FormTokens formTokens;
  private final SecurityIdentity caller;

  PortalResource(PortalService portal, FormTokens formTokens, SecurityIdentity caller) {
    this.portal = portal;
    this.formTokens = formTokens;
    this.caller = caller;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  @RolesAllowed("employee")
  @Operation(hidden = true)
  public Response page(@QueryParam("lang") String lang, HttpHeaders headers) {
    String language = language(lang, headers);
    List<PortalRow> rows = portal.overview().stream().map(e -> PortalRow.of(e, language)).toList();
    return html(
        Templates.me(
            rows,
            language,
            "sv".equals(language) ? "en" : "sv",
            formTokens.current(),
            Caller.of(caller).displayName()),
        language);
  }

  /**
   * Where the issuer sends the browser back after logging out (RP-initiated logout at {@code
   * /me/logout}, issue 21 item 5): open to all, as the session has ended.
   */
  @GET
  @Path("/logged-out")
  @Produces(MediaType.TEXT_HTML)
  @PermitAll
  @Operation(hidden = true)
  public Response loggedOut(@QueryParam("lang") String lang, HttpHeaders headers) {
    String language = language(lang, headers);
    return html(Templates.loggedOut(language), language);
  }

  private static Response html(TemplateInstance page, String language) {
    return Response.ok(page.setLocale(Locale.forLanguageTag(language)))
        .header("Cache-Control", "no-store")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none';"
                + " frame-ancestors 'self'")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @POST
  @Path("/choices")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed("employee")
  @Operation(hidden = true)
  public Response choose(
      @FormParam("purpose") String purpose,
      @FormParam("noticeVersion") String noticeVersion,
      @FormParam("choice") String choice,
      @FormParam("lang") String lang,
      @FormParam("formToken") String formToken) {
    formTokens.verify(formToken);
    portal.choose(purpose, version(noticeVersion), choice(choice));
    return backToPage(lang);
  }

  @POST
  @Path("/choices/{id}/withdraw")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed("employee")
  @Operation(hidden = true)
  public Response withdraw(
      @PathParam("id") UUID id,
      @FormParam("lang") String lang,
      @FormParam("formToken") String formToken) {
    formTokens.verify(formToken);
    portal.withdraw(id);
    return backToPage(lang);
  }

  /** {@code ?lang=} if it names a language of the page, else the browser's preference, else sv. */
  private static String language(String lang, HttpHeaders headers) {
    if (lang != null && LANGUAGES.contains(lang)) {
      return lang;
    }
    return headers.getAcceptableLanguages().stream()
        .map(Locale::getLanguage)
        .filter(LANGUAGES::contains)
        .findFirst()
        .orElse("sv");
  }

  /** After a POST, a GET of the page (303), so that reloading it never repeats the choice. */
  private static Response backToPage(String lang) {
    UriBuilder page = UriBuilder.fromPath("/me");
    if (lang != null && LANGUAGES.contains(lang)) {
      page.queryParam("lang", lang);
    }
    return Response.seeOther(page.build()).build();
  }

  private static Integer version(String value) {
    if (value == null || !value.matches("[1-9][0-9]{0,8}")) {
      throw invalid("noticeVersion", "a notice version number");
    }
    return Integer.valueOf(value);
  }

  private static Consent.Choice choice(String value) {
    if ("GIVEN".equals(value)) {
      return Consent.Choice.GIVEN;
    }
    if ("REFUSED".equals(value)) {
      return Consent.Choice.REFUSED;
    }
    throw invalid("choice", "GIVEN or REFUSED");
  }

  private static ProblemException invalid(String field, String message) {
    return ProblemException.badRequest(
        "The form has an invalid field.", List.of(new Problem.Violation(field, message)));
  }
}
