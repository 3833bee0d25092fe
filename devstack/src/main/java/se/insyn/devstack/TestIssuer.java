package se.insyn.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A small but real OpenID Connect issuer for tests: it publishes discovery and JWKS over HTTP and
 * signs RS256 access tokens shaped like Keycloak's: realm roles in {@code realm_access.roles}, an
 * {@code aud} naming the services the client may call, {@code typ=Bearer}, and a {@code sub} that
 * is a stable id and not the user name ({@code preferred_username}). Services verify its tokens
 * exactly as they verify Keycloak's. Tokens are minted over HTTP ({@code POST /mint}) so tests in
 * any class loader can get one.
 *
 * <p>For web pages it also runs the authorization-code flow: {@code GET /authorize} shows a login
 * form that asks for a user name and the realm roles to give that user (there are no passwords: it
 * is a test issuer), and {@code POST /token} exchanges the code for an ID and an access token.
 */
public final class TestIssuer implements AutoCloseable {

  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  /** The secret every client of the test issuer authenticates with. */
  public static final String CLIENT_SECRET = "test-secret";

  /** Service-account roles per client, as in the suite's realm (dev/keycloak/insyn-realm.json). */
  private static final Map<String, List<String>> CLIENT_ROLES =
      Map.of(
          "consent-service", List.of("audit-writer", "platform-scope-reader"),
          "recording-service", List.of("decision-client", "audit-writer"),
          "audit-service", List.of(),
          "demo-pbx", List.of("recorder"),
          "insyn-portal", List.of());

  /** The three services: each accepts only access tokens whose {@code aud} names it (issue 21). */
  public static final List<String> SERVICES =
      List.of("consent-service", "recording-service", "audit-service");

  /**
   * The audiences each client's tokens carry, as the realm's audience mappers give them: exactly
   * the services the client calls (issue 21 item 1).
   */
  private static final Map<String, List<String>> CLIENT_AUDIENCES =
      Map.of(
          "consent-service", List.of("audit-service", "recording-service"),
          "recording-service", List.of("consent-service", "audit-service"),
          "audit-service", List.of(),
          "demo-pbx", List.of("recording-service", "consent-service"),
          "insyn-portal", List.of("consent-service"));

  /**
   * One token to sign, shaped like Keycloak's unless a test asks otherwise. As in Keycloak the
   * {@code sub} is a stable id that differs from the user name ({@link #subjectOf}).
   *
   * @param username the {@code preferred_username}; the {@code sub} is derived from it
   * @param clientId the {@code azp}: the client the token was issued to
   * @param audiences the {@code aud}; none omits the claim
   * @param roles realm roles ({@code realm_access.roles}), or {@code groups} when {@code
   *     rolesAsGroups}
   * @param lifetimeSeconds negative for an already expired token
   * @param type the {@code typ}: {@code Bearer} for access tokens, {@code ID}, {@code Refresh}
   * @param withSubject false for a token without {@code sub}
   * @param rolesAsGroups true to put the roles in a {@code groups} claim instead of realm roles
   */
  public record Token(
      String username,
      String clientId,
      List<String> audiences,
      List<String> roles,
      long lifetimeSeconds,
      String type,
      boolean withSubject,
      boolean rolesAsGroups) {

    /** An access token as Keycloak issues it. */
    public static Token access(
        String username,
        String clientId,
        List<String> audiences,
        List<String> roles,
        long lifetimeSeconds) {
      return new Token(
          username, clientId, audiences, roles, lifetimeSeconds, "Bearer", true, false);
    }
  }

  /**
   * The {@code sub} the issuer gives a user name: a name-based UUID, as stable as Keycloak's user
   * id and never equal to the name, so code that mixes up the two fails its tests (issue 21 item
   * 3).
   */
  public static String subjectOf(String username) {
    return UUID.nameUUIDFromBytes(("insyn-test-user:" + username).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** What an issued authorization code stands for until it is exchanged (once). */
  private record CodeGrant(
      String user, List<String> roles, String clientId, String redirectUri, String nonce) {}

  private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();

  /** PKCE: the S256 code challenge sent with each code's authorization request, if any. */
  private final Map<String, String> challenges = new ConcurrentHashMap<>();

  private final SecureRandom random = new SecureRandom();
  private final HttpServer server;
  private final KeyPair keys;
  private final String keyId = "insyn-test-" + UUID.randomUUID().toString().substring(0, 8);

  private TestIssuer(HttpServer server, KeyPair keys) {
    this.server = server;
    this.keys = keys;
  }

  public static TestIssuer start() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      TestIssuer issuer = new TestIssuer(server, generator.generateKeyPair());
      server.createContext("/.well-known/openid-configuration", issuer::discovery);
      server.createContext("/jwks", issuer::jwks);
      server.createContext("/mint", issuer::mint);
      server.createContext("/token", issuer::token);
      server.createContext("/authorize", issuer::authorize);
      server.createContext("/logout", issuer::endSession);
      server.setExecutor(Executors.newFixedThreadPool(4, r -> daemon(r)));
      server.start();
      return issuer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "test-issuer");
    t.setDaemon(true);
    return t;
  }

  public String issuer() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /**
   * Signs an access token for all three services, as a user-facing client's token is.
   *
   * @param username the {@code preferred_username}; the {@code sub} is {@link #subjectOf} it
   * @param clientId the {@code azp}: the client the token was issued to
   * @param roles realm roles
   * @param lifetimeSeconds negative for an already expired token
   */
  public String sign(String username, String clientId, List<String> roles, long lifetimeSeconds) {
    return sign(Token.access(username, clientId, SERVICES, roles, lifetimeSeconds));
  }

  /** Signs a token as the given description says. */
  public String sign(Token token) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer());
    if (token.withSubject()) {
      claims.put("sub", subjectOf(token.username()));
    }
    claims.put("preferred_username", token.username());
    if (!token.audiences().isEmpty()) {
      claims.put("aud", token.audiences());
    }
    claims.put("azp", token.clientId());
    claims.put("typ", token.type());
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("iat", now - Math.max(0, -token.lifetimeSeconds()) - 60);
    claims.put("exp", now + token.lifetimeSeconds());
    if (token.rolesAsGroups()) {
      claims.put("groups", token.roles());
      claims.put("realm_access", Map.of("roles", List.of()));
    } else {
      claims.put("realm_access", Map.of("roles", token.roles()));
    }
    return signClaims(claims);
  }

  private String signClaims(Map<String, Object> claims) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    header.put("kid", keyId);
    String signingInput =
        b64(Json.write(header).getBytes(StandardCharsets.UTF_8))
            + "."
            + b64(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + b64(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void discovery(HttpExchange exchange) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("issuer", issuer());
    doc.put("jwks_uri", issuer() + "/jwks");
    doc.put("token_endpoint", issuer() + "/token");
    doc.put("authorization_endpoint", issuer() + "/authorize");
    doc.put("end_session_endpoint", issuer() + "/logout");
    doc.put("response_types_supported", List.of("code"));
    doc.put("subject_types_supported", List.of("public"));
    doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
    respond(exchange, 200, "application/json", Json.write(doc));
  }

  private void jwks(HttpExchange exchange) throws IOException {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "RSA");
    jwk.put("kid", keyId);
    jwk.put("use", "sig");
    jwk.put("alg", "RS256");
    jwk.put("n", b64(unsigned(key.getModulus())));
    jwk.put("e", b64(unsigned(key.getPublicExponent())));
    respond(exchange, 200, "application/json", Json.write(Map.of("keys", List.of(jwk))));
  }

  /**
   * The client-credentials grant, for services' OIDC clients: secret {@link #CLIENT_SECRET} by
   * {@code client_secret_basic} or {@code client_secret_post}; roles as in the realm. Also the
   * authorization-code grant, for the codes that {@code /authorize} issued to such a client.
   */
  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(exchange);
    String clientId = form.get("client_id");
    String secret = form.get("client_secret");
    String basic = exchange.getRequestHeaders().getFirst("Authorization");
    if (basic != null && basic.startsWith("Basic ")) {
      String[] pair =
          new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8)
              .split(":", 2);
      clientId = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
      secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
    }
    String grantType = form.get("grant_type");
    if (!"client_credentials".equals(grantType) && !"authorization_code".equals(grantType)) {
      respond(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
      return;
    }
    if (clientId == null || !CLIENT_ROLES.containsKey(clientId) || !CLIENT_SECRET.equals(secret)) {
      respond(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
      return;
    }
    if ("authorization_code".equals(grantType)) {
      exchangeCode(exchange, clientId, form);
      return;
    }
    long lifetime = 300;
    String token =
        sign(
            Token.access(
                "service-account-" + clientId,
                clientId,
                CLIENT_AUDIENCES.get(clientId),
                CLIENT_ROLES.get(clientId),
                lifetime));
    respond(
        exchange,
        200,
        "application/json",
        Json.write(Map.of("access_token", token, "token_type", "Bearer", "expires_in", lifetime)));
  }

  /**
   * The login page of the authorization-code flow. GET shows a form that carries the client's
   * parameters along; POST with a user name (and comma-separated realm roles) issues a one-time
   * code and sends the browser back to the client's redirect URI.
   */
  private void authorize(HttpExchange exchange) throws IOException {
    if ("GET".equals(exchange.getRequestMethod())) {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      String clientId = query.get("client_id");
      String redirectUri = query.get("redirect_uri");
      if (!"code".equals(query.get("response_type"))
          || clientId == null
          || !CLIENT_ROLES.containsKey(clientId)
          || redirectUri == null) {
        respond(exchange, 400, "text/plain", "invalid_request");
        return;
      }
      StringBuilder hidden = new StringBuilder();
      for (String name :
          List.of(
              "client_id",
              "redirect_uri",
              "state",
              "nonce",
              "code_challenge",
              "code_challenge_method")) {
        if (query.containsKey(name)) {
          hidden.append(
              "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
                  .formatted(name, html(query.get(name))));
        }
      }
      respond(
          exchange,
          200,
          "text/html; charset=utf-8",
          """
          <!DOCTYPE html><html lang="en"><head><title>Test issuer login</title></head><body>
          <form method="post" action="/authorize">%s
          <label>User <input id="username" name="username"></label>
          <label>Realm roles <input id="roles" name="roles"></label>
          <button id="login" type="submit">Log in</button>
          </form></body></html>"""
              .formatted(hidden));
      return;
    }
    Map<String, String> form = form(exchange);
    String user = form.getOrDefault("username", "");
    String clientId = form.get("client_id");
    String redirectUri = form.get("redirect_uri");
    if (user.isBlank() || clientId == null || redirectUri == null) {
      respond(exchange, 400, "text/plain", "invalid_request");
      return;
    }
    String roles = form.getOrDefault("roles", "").strip();
    String code = b64(randomBytes());
    codes.put(
        code,
        new CodeGrant(
            user.strip(),
            roles.isEmpty() ? List.of() : List.of(roles.split("\\s*,\\s*")),
            clientId,
            redirectUri,
            form.get("nonce")));
    rememberChallenge(code, form);
    String location =
        redirectUri
            + (redirectUri.contains("?") ? "&" : "?")
            + "code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8)
            + (form.containsKey("state")
                ? "&state=" + URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8)
                : "");
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  /** Exchanges a code once, for the client it was issued to and with the same redirect URI. */
  private void exchangeCode(HttpExchange exchange, String clientId, Map<String, String> form)
      throws IOException {
    String code = form.getOrDefault("code", "");
    CodeGrant grant = codes.remove(code);
    if (grant == null
        || !grant.clientId().equals(clientId)
        || !grant.redirectUri().equals(form.get("redirect_uri"))
        || !proofKeyHolds(code, form.get("code_verifier"))) {
      respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
      return;
    }
    long lifetime = 300;
    long now = Instant.now().getEpochSecond();
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("iss", issuer());
    id.put("sub", subjectOf(grant.user()));
    id.put("preferred_username", grant.user());
    id.put("aud", clientId);
    id.put("azp", clientId);
    id.put("typ", "ID");
    id.put("sid", b64(randomBytes()));
    id.put("iat", now);
    id.put("auth_time", now);
    id.put("exp", now + lifetime);
    if (grant.nonce() != null) {
      id.put("nonce", grant.nonce());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "access_token",
        sign(
            Token.access(
                grant.user(), clientId, CLIENT_AUDIENCES.get(clientId), grant.roles(), lifetime)));
    body.put("id_token", signClaims(id));
    body.put("token_type", "Bearer");
    body.put("expires_in", lifetime);
    respond(exchange, 200, "application/json", Json.write(body));
  }

  /**
   * RP-initiated logout: the test issuer keeps no login session, so it only sends the browser to
   * the client's post-logout URI with its state, as an OpenID provider does once it has logged out.
   */
  private void endSession(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    String target = query.get("post_logout_redirect_uri");
    if (target == null) {
      respond(exchange, 200, "text/plain", "logged out");
      return;
    }
    String state = query.get("state");
    exchange
        .getResponseHeaders()
        .add(
            "Location",
            state == null
                ? target
                : target
                    + (target.contains("?") ? "&" : "?")
                    + "state="
                    + URLEncoder.encode(state, StandardCharsets.UTF_8));
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  /**
   * Keeps a code's PKCE challenge (RFC 7636). Only S256 is accepted, as in the realm: a request
   * with the plain method gets a code that no verifier can redeem.
   */
  private void rememberChallenge(String code, Map<String, String> form) {
    String challenge = form.get("code_challenge");
    if (challenge != null) {
      challenges.put(
          code, "S256".equals(form.get("code_challenge_method")) ? challenge : "unsupported");
    }
  }

  /** True without a challenge; else the verifier's SHA-256 must be the challenge (S256). */
  private boolean proofKeyHolds(String code, String verifier) {
    String challenge = challenges.remove(code);
    if (challenge == null) {
      return true;
    }
    if (verifier == null) {
      return false;
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return challenge.equals(b64(digest));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return bytes;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (!pair.isEmpty()) {
        String[] kv = pair.split("=", 2);
        params.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return params;
  }

  private static String html(String value) {
    return value
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static Map<String, String> form(HttpExchange exchange) throws IOException {
    return Arrays.stream(
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&"))
        .filter(s -> !s.isEmpty())
        .map(s -> s.split("=", 2))
        .collect(
            Collectors.toMap(
                kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                kv -> kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : ""));
  }

  /**
   * Mints a token from form fields: {@code username}, {@code client_id}, {@code roles} and {@code
   * aud} (comma-separated), {@code expires_in}, {@code typ}, {@code sub=false} for none and {@code
   * roles_as=groups}.
   */
  private void mint(HttpExchange exchange) throws IOException {
    Map<String, String> form = form(exchange);
    String token =
        sign(
            new Token(
                form.getOrDefault("username", "test-user"),
                form.getOrDefault("client_id", "insyn-test"),
                list(form.getOrDefault("aud", String.join(",", SERVICES))),
                list(form.getOrDefault("roles", "")),
                Long.parseLong(form.getOrDefault("expires_in", "300")),
                form.getOrDefault("typ", "Bearer"),
                !"false".equals(form.get("sub")),
                "groups".equals(form.get("roles_as"))));
    respond(exchange, 200, "text/plain", token);
  }

  private static List<String> list(String commaSeparated) {
    return commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static String b64(byte[] bytes) {
    return B64URL.encodeToString(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
