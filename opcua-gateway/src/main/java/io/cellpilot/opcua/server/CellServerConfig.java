package io.cellpilot.opcua.server;

import io.cellpilot.opcua.OpcUaGatewayException;
import io.cellpilot.opcua.config.SecurityPolicyName;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The cell's own OPC UA server; YAML under {@code cellpilot.opcua-server}. Secure by default: only signed and
 * encrypted endpoints, no anonymous users, and limits on sessions, subscriptions and monitored items (Milo's own
 * defaults are practically unlimited).
 *
 * @param hostname the host name clients use; it goes into endpoint URLs and the server certificate
 * @param users user name to password of the users allowed in (all read-only: the server is informational)
 */
public record CellServerConfig(
    String bindAddress,
    int port,
    String hostname,
    String path,
    Set<SecurityPolicyName> securityPolicies,
    boolean allowSecurityNone,
    boolean allowAnonymous,
    Map<String, String> users,
    Path pkiDir,
    String applicationUri,
    int maxSessions,
    int maxSubscriptionsPerSession,
    int maxMonitoredItemsPerSession,
    int maxSubscriptions,
    int maxMonitoredItems) {

  public static final String KEY = "cellpilot.opcua-server";

  public CellServerConfig {
    EnumSet<SecurityPolicyName> policies = EnumSet.noneOf(SecurityPolicyName.class);
    policies.addAll(securityPolicies);
    securityPolicies = Collections.unmodifiableSet(policies);
    users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The endpoint URL clients connect to. */
  public String endpointUrl() {
    return "opc.tcp://" + hostname + ":" + port + path;
  }

  @Override
  public String toString() {
    return "CellServerConfig[" + endpointUrl() + ", policies=" + securityPolicies + ", none=" + allowSecurityNone
        + ", anonymous=" + allowAnonymous + ", users=" + users.keySet() + "]";
  }

  /** Builds the server configuration; setters are named after the YAML keys. */
  public static final class Builder {
    private String bindAddress = "0.0.0.0";
    private int port = 4841;
    private String hostname = "localhost";
    private String path = "/cellpilot";
    private Set<SecurityPolicyName> securityPolicies = EnumSet.of(SecurityPolicyName.Basic256Sha256,
        SecurityPolicyName.Aes128_Sha256_RsaOaep, SecurityPolicyName.Aes256_Sha256_RsaPss);
    private boolean allowSecurityNone;
    private boolean allowAnonymous;
    private final Map<String, String> users = new LinkedHashMap<>();
    private Path pkiDir = Path.of("pki-server");
    private String applicationUri = "urn:cellpilot:cell:server";
    private int maxSessions = 20;
    private int maxSubscriptionsPerSession = 10;
    private int maxMonitoredItemsPerSession = 2_000;
    private int maxSubscriptions = 100;
    private int maxMonitoredItems = 10_000;

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    /** 0 picks a free port (tests). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    public Builder path(String path) {
      this.path = path;
      return this;
    }

    public Builder securityPolicies(Set<SecurityPolicyName> securityPolicies) {
      this.securityPolicies = securityPolicies;
      return this;
    }

    public Builder allowSecurityNone(boolean allowSecurityNone) {
      this.allowSecurityNone = allowSecurityNone;
      return this;
    }

    public Builder allowAnonymous(boolean allowAnonymous) {
      this.allowAnonymous = allowAnonymous;
      return this;
    }

    public Builder user(String name, String password) {
      this.users.put(name, password);
      return this;
    }

    public Builder pkiDir(Path pkiDir) {
      this.pkiDir = pkiDir;
      return this;
    }

    public Builder applicationUri(String applicationUri) {
      this.applicationUri = applicationUri;
      return this;
    }

    public Builder maxSessions(int maxSessions) {
      this.maxSessions = maxSessions;
      return this;
    }

    public Builder maxSubscriptionsPerSession(int n) {
      this.maxSubscriptionsPerSession = n;
      return this;
    }

    public Builder maxMonitoredItemsPerSession(int n) {
      this.maxMonitoredItemsPerSession = n;
      return this;
    }

    public Builder maxSubscriptions(int n) {
      this.maxSubscriptions = n;
      return this;
    }

    public Builder maxMonitoredItems(int n) {
      this.maxMonitoredItems = n;
      return this;
    }

    /** Validates and returns the configuration; every error names its key. */
    public CellServerConfig build() {
      if (port < 0 || port > 65535) {
        throw invalid("port", "must be between 0 and 65535, was " + port);
      }
      if (hostname == null || hostname.isBlank()) {
        throw invalid("hostname", "is required (the name clients use to reach this box)");
      }
      if (path == null || !path.startsWith("/")) {
        throw invalid("path", "must start with '/', was '" + path + "'");
      }
      Set<SecurityPolicyName> policies = EnumSet.noneOf(SecurityPolicyName.class);
      if (securityPolicies != null) {
        policies.addAll(securityPolicies);
      }
      policies.remove(SecurityPolicyName.None);
      if (policies.isEmpty() && !allowSecurityNone) {
        throw invalid("security-policies", "must name at least one policy (e.g. Basic256Sha256) unless "
            + KEY + ".allow-security-none is true");
      }
      if (users.isEmpty() && !allowAnonymous) {
        throw invalid("users", "must define at least one user unless " + KEY + ".allow-anonymous is true");
      }
      users.forEach((name, password) -> {
        if (name == null || name.isBlank() || password == null || password.length() < 8) {
          throw invalid("users." + name, "needs a password of at least 8 characters");
        }
      });
      if (applicationUri == null || !applicationUri.contains(":")) {
        throw invalid("application-uri", "must be a URI such as urn:cellpilot:cell:server, was '" + applicationUri
            + "'");
      }
      positive("max-sessions", maxSessions);
      positive("max-subscriptions-per-session", maxSubscriptionsPerSession);
      positive("max-monitored-items-per-session", maxMonitoredItemsPerSession);
      positive("max-subscriptions", maxSubscriptions);
      positive("max-monitored-items", maxMonitoredItems);
      return new CellServerConfig(bindAddress, port, hostname.trim(), path, policies, allowSecurityNone,
          allowAnonymous, users, pkiDir, applicationUri, maxSessions, maxSubscriptionsPerSession,
          maxMonitoredItemsPerSession, maxSubscriptions, maxMonitoredItems);
    }

    private static void positive(String key, int value) {
      if (value < 1 || value > 1_000_000) {
        throw invalid(key, "must be between 1 and 1000000, was " + value);
      }
    }

    private static OpcUaGatewayException invalid(String key, String what) {
      return new OpcUaGatewayException(OpcUaGatewayException.Code.CONFIG, KEY + "." + key + " " + what);
    }
  }
}
