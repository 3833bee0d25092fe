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

  /** Local runs only; a real deployment mounts its own key from a Secret. */
  private static final String LOCAL_PSEUDONYM_KEY =
      "local-only-pseudonym-key-never-use-in-production";

  private final PostgresServer postgres;
  private final KeycloakServer keycloak;
  private final Map<SuiteService, ServiceProcess> services;

  private Suite(
      PostgresServer postgres,
      KeycloakServer keycloak,
      Map<SuiteService, ServiceProcess> services) {
    this.postgres = postgres;
    this.keycloak = keycloak;
    this.services = services;
  }

  /** Starts everything; if any part fails, what was started is stopped again. */
  public static Suite start(Options options, String keycloakAdminPassword) {
    PostgresServer postgres = null;
    KeycloakServer keycloak = null;
    Map<SuiteService, ServiceProcess> services = new EnumMap<>(SuiteService.class);
    try {
      Path logs = options.workDirectory().resolve("logs");
      Files.createDirectories(logs);
      postgres = PostgresServer.start(options.postgresPort(), options.postgresData());
      keycloak =
          KeycloakServer.start(
              options.keycloakPort(), logs.resolve("keycloak.log"), keycloakAdminPassword);
      Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
      for (SuiteService s : SuiteService.values()) {
        ports.put(s, options.fixedServicePorts() ? s.localPort() : Processes.freePort());
      }
      // Audit first: the others send it their events.
      for (SuiteService s :
          List.of(SuiteService.AUDIT, SuiteService.CONSENT, SuiteService.RECORDING)) {
        Map<String, String> config = serviceConfig(s, postgres, keycloak, ports);
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
        ServiceProcess process =
            new ServiceProcess(s, ports.get(s), config, logs.resolve(s.module() + ".log"));
        services.put(s, process);
        process.start();
      }
      return new Suite(postgres, keycloak, services);
    } catch (Exception e) {
      new Suite(postgres, keycloak, services).close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private static Map<String, String> serviceConfig(
      SuiteService service,
      PostgresServer postgres,
      KeycloakServer keycloak,
      Map<SuiteService, Integer> ports) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("quarkus.datasource.jdbc.url", postgres.createDatabase(service.database()));
    config.put("quarkus.datasource.username", service.database());
    config.put("quarkus.datasource.password", service.database());
    config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
    config.put("quarkus.oidc.client-id", service.clientId());
    config.put("quarkus.oidc.credentials.secret", service.localClientSecret());
    config.put("quarkus.oidc-client.credentials.secret", service.localClientSecret());
    config.put("quarkus.swagger-ui.enabled", "true");
    // One pseudonymisation key for every service, so that a number has one pseudonym suite-wide.
    config.put("INSYN_PHONE_HMAC_KEY", LOCAL_PSEUDONYM_KEY);
    config.put("RECORDING_PSEUDONYM_HMAC_KEY", LOCAL_PSEUDONYM_KEY);
    for (SuiteService peer : SuiteService.values()) {
      if (peer != service) {
        config.put(
            "quarkus.rest-client." + peer.module() + ".url", "http://localhost:" + ports.get(peer));
      }
    }
    return config;
  }

  public String issuer() {
    return keycloak.issuer();
  }

  public KeycloakServer keycloak() {
    return keycloak;
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
