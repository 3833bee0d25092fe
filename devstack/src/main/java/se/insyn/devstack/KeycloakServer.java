package se.insyn.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak (the {@code keycloak-quarkus-dist} that the devstack build unpacks from Maven
 * Central) with the suite's local realm from {@code dev/keycloak/insyn-realm.json}. It keeps its
 * data in memory: every start imports the realm afresh.
 *
 * <p>Demo users whose roles require a second factor log in with the current TOTP code of the secret
 * the realm file gives them ({@link LocalRealm}), computed here (issue 21 item 6).
 */
public final class KeycloakServer implements AutoCloseable {

  public static final String REALM = "insyn";

  /** The local-only public client that may use the password grant for demo users. */
  public static final String DEMO_CLI_CLIENT = "insyn-demo-cli";

  /** The officers' page as the realm file names it; {@link #start} puts in the suite's own URL. */
  static final String REALM_PORTAL_BASE = "http://localhost:8081/me";

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final int port;

  private KeycloakServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts Keycloak on {@code port} (0 picks a free one) and waits until the realm answers.
   *
   * @param adminPassword when not null, a local admin user {@code admin} is created for the console
   * @param consentBaseUrl where the consent-service runs, e.g. {@code http://localhost:8081}: the
   *     officers' page client allows exactly its {@code /me} as redirect and post-logout page
   */
  public static KeycloakServer start(
      int port, Path logFile, String adminPassword, String consentBaseUrl) {
    Path root = Processes.repositoryRoot();
    Path home = home(root);
    int httpPort = port == 0 ? Processes.freePort() : port;
    try {
      Path imports = Files.createDirectories(home.resolve("data/import"));
      Files.writeString(
          imports.resolve("insyn-realm.json"),
          Files.readString(LocalRealm.file()).replace(REALM_PORTAL_BASE, consentBaseUrl + "/me"));
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      List<String> command = new ArrayList<>();
      command.add(home.resolve("bin/kc.sh").toString());
      command.add("start-dev");
      command.add("--http-port=" + httpPort);
      command.add("--http-management-port=" + Processes.freePort());
      command.add("--db=dev-mem");
      command.add("--import-realm");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile());
      Map<String, String> env = builder.environment();
      env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
      if (adminPassword != null) {
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
      }
      Process process = builder.start();
      KeycloakServer server = new KeycloakServer(process, httpPort);
      try {
        Processes.awaitHttpOk(
            "Keycloak",
            server.issuer() + "/.well-known/openid-configuration",
            process,
            Duration.ofMinutes(8),
            logFile);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Keycloak did not start", e);
    }
  }

  /**
   * A Keycloak that is already running on {@code port} on this machine (e.g. the one {@code
   * ./suite} started), for its issuer and tokens; {@link #close()} leaves it running.
   */
  public static KeycloakServer attach(int port) {
    return new KeycloakServer(null, port);
  }

  /** Where the unpacked distribution is: {@code insyn.keycloak.home} or devstack's build output. */
  static Path home(Path root) {
    String configured = System.getProperty("insyn.keycloak.home");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path unpacked = root.resolve("devstack/target/keycloak");
    try (Stream<Path> children = Files.list(unpacked)) {
      return children
          .filter(p -> p.getFileName().toString().startsWith("keycloak-"))
          .filter(p -> Files.isExecutable(p.resolve("bin/kc.sh")))
          .findFirst()
          .orElseThrow();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Keycloak is not unpacked under " + unpacked + "; build the devstack module first", e);
    }
  }

  public int port() {
    return port;
  }

  /**
   * The issuer URL of the suite's realm: what services use as {@code quarkus.oidc.auth-server-url}.
   */
  public String issuer() {
    return "http://localhost:" + port + "/realms/" + REALM;
  }

  /** An access token for a demo user (local realm only: the password grant exists only here). */
  public String userToken(String username, String password) {
    return userToken(issuer(), username, password);
  }

  /** An access token for a confidential client through the client-credentials grant. */
  public String clientToken(String clientId, String secret) {
    return clientToken(issuer(), clientId, secret);
  }

  /**
   * As {@link #userToken(String, String)}, for the Keycloak whose realm issuer is given. For a user
   * with a second factor it sends the current TOTP code as well.
   */
  public static String userToken(String issuer, String username, String password) {
    return accessToken(
        passwordGrant(
            issuer, username, password, LocalRealm.totpCode(username, Instant.now()).orElse(null)));
  }

  /**
   * Keycloak's whole answer to a password grant of the demo client (local realm only), with an
   * {@code otp} code when not null: for tests of what the realm refuses and of the other tokens it
   * returns (ID and refresh token).
   */
  public static HttpResponse<String> passwordGrant(
      String issuer, String username, String password, String otp) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "password");
    form.put("client_id", DEMO_CLI_CLIENT);
    form.put("username", username);
    form.put("password", password);
    form.put("scope", "openid");
    if (otp != null) {
      form.put("otp", otp);
    }
    return post(issuer, form);
  }

  /** As {@link #clientToken(String, String)}, for the Keycloak whose realm issuer is given. */
  public static String clientToken(String issuer, String clientId, String secret) {
    return token(
        issuer,
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  private static String token(String issuer, Map<String, String> form) {
    return accessToken(post(issuer, form));
  }

  private static String accessToken(HttpResponse<String> response) {
    Matcher m = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException(
          "Keycloak refused a token: " + response.statusCode() + " " + response.body());
    }
    return m.group(1);
  }

  private static HttpResponse<String> post(String issuer, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    Processes.stop(process, Duration.ofSeconds(20));
  }
}
