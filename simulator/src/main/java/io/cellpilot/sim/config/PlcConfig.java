package io.cellpilot.sim.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated PLC's OPC UA server. {@code port} 0 picks a free port once, kept across PLC restarts. The server
 * offers SecurityPolicy None with anonymous access by default: it is a simulated PLC on loopback, a test peer.
 */
public record PlcConfig(
    boolean enabled,
    String bindAddress,
    int port,
    String path,
    Duration updateInterval,
    List<Policy> policies,
    boolean allowAnonymous,
    Map<String, String> users,
    boolean trustAllClients) {

  /** Security policies the server offers. */
  public enum Policy {
    /** No signing, no encryption. */
    NONE("none"),
    /** Basic256Sha256, offered with both Sign and SignAndEncrypt. */
    BASIC256SHA256("basic256sha256");

    private final String label;

    Policy(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static java.util.Optional<Policy> fromLabel(String label) {
      for (Policy p : values()) {
        if (p.label.equalsIgnoreCase(label)) {
          return java.util.Optional.of(p);
        }
      }
      return java.util.Optional.empty();
    }
  }

  public PlcConfig {
    Check.notBlank("plc.bind-address", bindAddress);
    Check.between("plc.port", port, 0, 65535);
    Check.that(path != null && (path.isEmpty() || path.startsWith("/")),
        "plc.path must be empty or start with '/', was \"" + path + "\"");
    Check.between("plc.update-interval", updateInterval, Duration.ofMillis(10), Duration.ofSeconds(10));
    Check.that(policies != null && !policies.isEmpty(), "plc.security.policies must name at least one of none, basic256sha256");
    policies = List.copyOf(policies);
    users = Map.copyOf(users == null ? Map.of() : users);
    users.forEach((user, password) -> Check.that(!password.isEmpty(),
        "plc.security.users." + user + " must have a password"));
    Check.that(allowAnonymous || !users.isEmpty(),
        "plc.security.allow-anonymous is false but plc.security.users is empty: nobody could log in");
  }

  /** Settings for {@link PlcConfig}; defaults: loopback, port 4840, None + Basic256Sha256, anonymous allowed. */
  public static final class Builder {
    private boolean enabled = true;
    private String bindAddress = "127.0.0.1";
    private int port = 4840;
    private String path = "/cellpilot";
    private Duration updateInterval = Duration.ofMillis(100);
    private List<Policy> policies = List.of(Policy.NONE, Policy.BASIC256SHA256);
    private boolean allowAnonymous = true;
    private Map<String, String> users = new LinkedHashMap<>();
    private boolean trustAllClients = true;

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    /** TCP port; 0 picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /** How often (simulated time) the PLC copies the line's state into its variables. */
    public Builder updateInterval(Duration updateInterval) {
      this.updateInterval = updateInterval;
      return this;
    }

    public Builder policies(List<Policy> policies) {
      this.policies = policies;
      return this;
    }

    public Builder allowAnonymous(boolean allowAnonymous) {
      this.allowAnonymous = allowAnonymous;
      return this;
    }

    /** Adds a user name / password login (offered on every endpoint). */
    public Builder user(String name, String password) {
      this.users.put(name, password);
      return this;
    }

    /** Whether any client certificate is accepted on secured endpoints (true) or only trusted ones (false). */
    public Builder trustAllClients(boolean trustAllClients) {
      this.trustAllClients = trustAllClients;
      return this;
    }

    public PlcConfig build() {
      return new PlcConfig(enabled, bindAddress, port, path, updateInterval, policies, allowAnonymous, users,
          trustAllClients);
    }
  }
}
