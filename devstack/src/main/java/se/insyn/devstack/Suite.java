package se.insyn.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite on one machine without Docker: a real PostgreSQL (one database per service), a
 * real Keycloak with the local realm, and the three services as packaged jars. Used by the README's
 * run command and meant for end-to-end and fault tests, which can stop and restart one service.
 */
public final class Suite implements AutoCloseable {

  /** Where the suite's ports, data and logs go. */
  public record Options(
      int postgresPort,
      int keycloakPort,
      boolean fixedServicePorts,
      Path workDirectory,
      Path postgresData) {

    /** The README's local run: fixed ports, data kept in {@code .suite/}. */
    public static Options local(Path root) {
      Path work = root.resolve(".suite");
      return new Options(15432, 8180, true, work, work.resolve("postgres-data"));
    }

    /** Free ports and throw-away data, for tests that start the suite. */
    public static Options ephemeral(Path workDirectory) {
      return new Options(0, 0, false, workDirectory, null);
    }
  }

  /**
   * Local runs only: the one phone-pseudonym secret both services hold; a real deployment mounts
   * its own from a Secret.
   */
  private static final String LOCAL_PSEUDONYM_KEY =
      "local-only-pseudonym-key-never-use-in-production";

  /** The officers' page client's secret in the local realm (dev/keycloak/insyn-realm.json). */
  private static final String LOCAL_PORTAL_CLIENT_SECRET = "insyn-portal-dev-secret";

  private final Path workDirectory;
  private final PostgresServer postgres;
  private final KeycloakServer keycloak;
  private final TestIssuer testIssuer;
  private final Map<SuiteService, ServiceProcess> services;

  private Suite(
      Path workDirectory,
      PostgresServer postgres,
      KeycloakServer keycloak,
      TestIssuer testIssuer,
      Map<SuiteService, ServiceProcess> services) {
    this.workDirectory = workDirectory;
    this.postgres = postgres;
    this.keycloak = keycloak;
    this.testIssuer = testIssuer;
    this.services = services;
  }

  /** Starts everything; if any part fails, what was started is stopped again. */
  public static Suite start(Options options, String keycloakAdminPassword) {
    return start(options, keycloakAdminPassword, null, Map.of());
  }

  /**
   * Starts only PostgreSQL (with the services' databases) and Keycloak, for running a service from
   * source with {@code quarkus:dev}, whose {@code %dev} profile expects them on the local fixed
   * ports. The suite has no services: {@link #service(SuiteService)} answers null.
   */
  public static Suite startInfrastructure(Options options, String keycloakAdminPassword) {
    PostgresServer postgres = null;
    try {
      Path logs = options.workDirectory().resolve("logs");
      Files.createDirectories(logs);
      postgres = PostgresServer.start(options.postgresPort(), options.postgresData());
      for (SuiteService s : SuiteService.values()) {
        postgres.createDatabase(s.database());
      }
      KeycloakServer keycloak =
          KeycloakServer.start(
              options.keycloakPort(),
              logs.resolve("keycloak.log"),
              keycloakAdminPassword,
              "http://localhost:" + SuiteService.CONSENT.localPort());
      return new Suite(options.workDirectory(), postgres, keycloak, null, Map.of());
    } catch (Exception e) {
      if (postgres != null) {
        postgres.close();
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /**
   * Starts PostgreSQL and the three services (production profile, packaged jars) against the given
   * {@link TestIssuer} instead of Keycloak: much faster to start, and the services fetch their own
   * client-credentials tokens from it as from Keycloak. For the benchmark harness. The issuer stays
   * the caller's: {@link #close()} does not stop it.
   */
  public static Suite startWithTestIssuer(Options options, TestIssuer issuer) {
    return start(options, null, issuer, Map.of());
  }

  /**
   * As {@link #startWithTestIssuer(Options, TestIssuer)}, with configuration values per service
   * that replace or add to the defaults (e.g. shorter retry intervals for fault tests).
   */
  public static Suite startWithTestIssuer(
      Options options, TestIssuer issuer, Map<SuiteService, Map<String, String>> overrides) {
    return start(options, null, issuer, overrides);
  }

  /**
   * The suite that is already running on this machine with the given options' fixed ports (the one
   * {@code ./suite} started): it starts nothing, and {@link #close()} stops nothing. {@link
   * #postgres()} is null. Fails at once, naming what is missing, when a part does not answer.
   */
  public static Suite attach(Options options) {
    if (!options.fixedServicePorts() || options.keycloakPort() == 0) {
      throw new IllegalArgumentException("attach needs fixed ports, e.g. Options.local(root)");
    }
    Path logs = options.workDirectory().resolve("logs");
    KeycloakServer keycloak = KeycloakServer.attach(options.keycloakPort());
    requireAnswer("Keycloak", keycloak.issuer() + "/.well-known/openid-configuration", logs);
    Map<SuiteService, ServiceProcess> services = new EnumMap<>(SuiteService.class);
    for (SuiteService s : SuiteService.values()) {
      ServiceProcess attached =
          new ServiceProcess(
              s, s.localPort(), new LinkedHashMap<>(), logs.resolve(s.module() + ".log"));
      requireAnswer(s.module(), attached.baseUrl() + "/q/health/ready", logs);
      services.put(s, attached);
    }
    return new Suite(options.workDirectory(), null, keycloak, null, services);
  }

  private static void requireAnswer(String what, String url, Path logs) {
    try {
      Processes.awaitHttpOk(what, url, null, java.time.Duration.ofSeconds(10), logs);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          what
              + " does not answer at "
              + url
              + ": is the suite running? Start it with ./suite and wait for \"Insyn is running\".",
          e);
    }
  }

  private static Suite start(
      Options options,
      String keycloakAdminPassword,
      TestIssuer issuer,
      Map<SuiteService, Map<String, String>> overrides) {
    PostgresServer postgres = null;
    KeycloakServer keycloak = null;
    Map<SuiteService, ServiceProcess> services = new EnumMap<>(SuiteService.class);
    try {
      Path logs = options.workDirectory().resolve("logs");
      Files.createDirectories(logs);
      postgres = PostgresServer.start(options.postgresPort(), options.postgresData());
      Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
      for (SuiteService s : SuiteService.values()) {
        ports.put(s, options.fixedServicePorts() ? s.localPort() : Processes.freePort());
      }
      if (issuer == null) {
        keycloak =
            KeycloakServer.start(
                options.keycloakPort(),
                logs.resolve("keycloak.log"),
                keycloakAdminPassword,
                "http://localhost:" + ports.get(SuiteService.CONSENT));
      }
      String issuerUrl = issuer == null ? keycloak.issuer() : issuer.issuer();
      // Audit first: the others send it their events.
      for (SuiteService s :
          List.of(SuiteService.AUDIT, SuiteService.CONSENT, SuiteService.RECORDING)) {
        String secret = issuer == null ? s.localClientSecret() : TestIssuer.CLIENT_SECRET;
        Map<String, String> config = serviceConfig(s, postgres, issuerUrl, secret, ports);
        if (s == SuiteService.AUDIT) {
          // A checkpoint signing key made for this local suite; a deployment mounts its own.
          Path keys = options.workDirectory().resolve("keys").toAbsolutePath();
          config.put(
              "insyn.audit.signing.private-key-file",
              keys.resolve("checkpoint-signing.pem").toString());
          config.put(
              "insyn.audit.signing.public-key-file",
              keys.resolve("checkpoint-signing.pub.pem").toString());
          config.put("insyn.audit.signing.generate-missing-key", "true");
        }
        if (s == SuiteService.CONSENT) {
          config.putAll(localPortal(issuer == null));
        }
        if (s == SuiteService.RECORDING) {
          // A key-encryption key made for this local suite; a deployment mounts its own.
          Path keys = options.workDirectory().resolve("keys").toAbsolutePath();
          config.put("insyn.recording.content.kek.id", "local-1");
          config.put("insyn.recording.content.kek.file", localKek(keys).toString());
          config.put(
              "insyn.recording.content.filesystem.dir",
              options.workDirectory().resolve("recordings").toAbsolutePath().toString());
        }
        config.putAll(overrides.getOrDefault(s, Map.of()));
        ServiceProcess process =
            new ServiceProcess(s, ports.get(s), config, logs.resolve(s.module() + ".log"));
        services.put(s, process);
        process.start();
      }
      return new Suite(options.workDirectory(), postgres, keycloak, issuer, services);
    } catch (Exception e) {
      new Suite(options.workDirectory(), postgres, keycloak, issuer, services).close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /**
   * The officers' page of a local suite: the realm's insyn-portal client (or the test issuer's
   * secret), a session secret and a form-token key of its own (issue 21 items 5, 7), over plain
   * http on localhost, where no gateway terminates TLS.
   */
  private static Map<String, String> localPortal(boolean keycloak) {
    return Map.of(
        "QUARKUS_OIDC_PORTAL_CREDENTIALS_SECRET",
        keycloak ? LOCAL_PORTAL_CLIENT_SECRET : TestIssuer.CLIENT_SECRET,
        "INSYN_PORTAL_SESSION_SECRET",
        "local-only-portal-session-secret-never-use-in-production",
        "INSYN_CONSENT_PORTAL_FORM_TOKEN_KEY",
        "local-only-portal-form-token-key-never-use-in-production",
        "quarkus.oidc.portal.authentication.force-redirect-https-scheme",
        "false");
  }

  /** A random 256-bit key-encryption key (base64) in {@code keys/}, made once and then kept. */
  private static Path localKek(Path keys) {
    Path file = keys.resolve("recording-kek.b64");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(keys);
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return file;
  }

  private static Map<String, String> serviceConfig(
      SuiteService service,
      PostgresServer postgres,
      String issuer,
      String clientSecret,
      Map<SuiteService, Integer> ports) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("quarkus.datasource.jdbc.url", postgres.createDatabase(service.database()));
    config.put("quarkus.datasource.username", service.database());
    config.put("quarkus.datasource.password", service.database());
    config.put("quarkus.oidc.auth-server-url", issuer);
    config.put("quarkus.oidc.client-id", service.clientId());
    config.put("quarkus.oidc.credentials.secret", clientSecret);
    config.put("quarkus.oidc-client.credentials.secret", clientSecret);
    config.put("quarkus.swagger-ui.enabled", "true");
    // The one phone-pseudonym secret for both services, so that a number has one pseudonym.
    config.put("INSYN_CONSENT_PHONE_HMAC_KEY", LOCAL_PSEUDONYM_KEY);
    config.put("INSYN_RECORDING_PSEUDONYM_HMAC_KEY", LOCAL_PSEUDONYM_KEY);
    for (SuiteService peer : SuiteService.values()) {
      if (peer != service) {
        config.put(
            "quarkus.rest-client." + peer.module() + ".url", "http://localhost:" + ports.get(peer));
      }
    }
    return config;
  }

  public String issuer() {
    return keycloak != null ? keycloak.issuer() : testIssuer.issuer();
  }

  /** The Keycloak, or null when the suite was started with a {@link TestIssuer}. */
  public KeycloakServer keycloak() {
    return keycloak;
  }

  /** Where this suite keeps its logs, keys, recordings and (if so configured) database. */
  public Path workDirectory() {
    return workDirectory.toAbsolutePath();
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public ServiceProcess service(SuiteService service) {
    return services.get(service);
  }

  /** Stops the services, then Keycloak, then PostgreSQL. Safe to call more than once. */
  @Override
  public void close() {
    List<SuiteService> order = new ArrayList<>(services.keySet());
    java.util.Collections.reverse(order);
    for (SuiteService s : order) {
      services.get(s).close();
    }
    if (keycloak != null) {
      keycloak.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }
}
