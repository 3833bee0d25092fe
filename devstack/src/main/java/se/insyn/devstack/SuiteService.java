package se.insyn.devstack;

/** The suite's services: module folder, fixed local port, database name and OIDC client. */
public enum SuiteService {
  CONSENT("consent-service", 8081, "consent"),
  RECORDING("recording-service", 8082, "recording"),
  AUDIT("audit-service", 8083, "audit");

  private final String module;
  private final int localPort;
  private final String database;

  SuiteService(String module, int localPort, String database) {
    this.module = module;
    this.localPort = localPort;
    this.database = database;
  }

  public String module() {
    return module;
  }

  /** The port the run command uses, so that links in the README work. */
  public int localPort() {
    return localPort;
  }

  public String database() {
    return database;
  }

  /** The OIDC client id of the service in the suite's realm. */
  public String clientId() {
    return module;
  }

  /** The client secret of the local realm only; a real deployment mounts its own. */
  public String localClientSecret() {
    return module + "-dev-secret";
  }
}
