package se.insyn.identity;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as every service names them (issue 21 item 3). A person or a client's service
 * account is identified by the access token's {@code sub}, which the identity provider never
 * reassigns; that is what is stored in records and audit events. {@code preferred_username} can be
 * renamed or reused, so it is for display only. {@code client} is the token's {@code azp}: the
 * client (phone system, meeting platform, service) the token was issued to.
 *
 * @param subject the token's {@code sub}; never blank
 * @param displayName {@code preferred_username}, or the subject when the token has none
 * @param client the token's {@code azp}, or {@code null} when it has none
 */
public record Caller(String subject, String displayName, String client) {

  public Caller {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("A caller needs a subject");
    }
    if (displayName == null || displayName.isBlank()) {
      displayName = subject;
    }
  }

  /**
   * The caller of the current request. A token without {@code sub} is refused as unauthenticated:
   * without it nobody could later be told apart from anybody else (the services also require it
   * when they verify the token, see {@code quarkus.oidc.token.subject-required}).
   *
   * @throws UnauthorizedException for an anonymous identity or a token without {@code sub}
   */
  public static Caller of(SecurityIdentity identity) {
    if (identity == null
        || identity.isAnonymous()
        || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      throw new UnauthorizedException("An access token is required");
    }
    return of(token);
  }

  /** The caller named by a verified access token. */
  public static Caller of(JsonWebToken token) {
    String subject = token.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new UnauthorizedException("The access token has no sub");
    }
    return new Caller(
        subject, text(token.getClaim("preferred_username")), text(token.getClaim("azp")));
  }

  private static String text(Object claim) {
    return claim == null ? null : claim.toString();
  }

  /** Whether the token was issued to this client ({@code azp}). */
  public boolean isClient(String clientId) {
    return clientId != null && clientId.equals(client);
  }
}
