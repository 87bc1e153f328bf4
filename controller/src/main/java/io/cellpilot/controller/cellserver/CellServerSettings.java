package io.cellpilot.controller.cellserver;

import io.cellpilot.controller.config.ConfigException;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.opcua.OpcUaGatewayException;
import io.cellpilot.opcua.config.SecurityPolicyName;
import io.cellpilot.opcua.server.CellServerConfig;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Maps {@code cellpilot.opcua-server.*} onto the gateway's {@link CellServerConfig} (its builder names the keys). */
public final class CellServerSettings {
  private static final String K = "cellpilot.opcua-server.";

  private CellServerSettings() {}

  public static boolean enabled(ConfigTree config) {
    return config.bool(K + "enabled");
  }

  /** The server's configuration; throws {@link ConfigException} naming the key. */
  public static CellServerConfig of(ConfigTree config) {
    Set<SecurityPolicyName> policies = EnumSet.noneOf(SecurityPolicyName.class);
    for (String name : config.list(K + "security-policies")) {
      SecurityPolicyName policy = null;
      for (SecurityPolicyName p : SecurityPolicyName.values()) {
        if (p.name().equalsIgnoreCase(name.trim())) {
          policy = p;
        }
      }
      if (policy == null || policy == SecurityPolicyName.None) {
        throw new ConfigException(K + "security-policies must hold Basic256Sha256, Aes128_Sha256_RsaOaep or "
            + "Aes256_Sha256_RsaPss (None is allow-security-none), had " + name);
      }
      policies.add(policy);
    }
    CellServerConfig.Builder b = CellServerConfig.builder()
        .bindAddress(config.string(K + "bind-address"))
        .port(config.integer(K + "port"))
        .hostname(config.string(K + "hostname"))
        .path(config.string(K + "path"))
        .securityPolicies(policies)
        .allowSecurityNone(config.bool(K + "allow-security-none"))
        .allowAnonymous(config.bool(K + "allow-anonymous"))
        .pkiDir(config.optionalString(K + "pki-dir").map(Path::of)
            .orElse(config.path("cellpilot.data-dir").resolve("pki-server")))
        .applicationUri(config.string(K + "application-uri"))
        .maxSessions(config.integer(K + "max-sessions"))
        .maxSubscriptions(config.integer(K + "max-subscriptions"))
        .maxSubscriptionsPerSession(config.integer(K + "max-subscriptions-per-session"))
        .maxMonitoredItems(config.integer(K + "max-monitored-items"))
        .maxMonitoredItemsPerSession(config.integer(K + "max-monitored-items-per-session"));
    for (String user : config.ids(K + "users")) {
      b.user(user, config.string(K + "users." + user));
    }
    try {
      return b.build();
    } catch (OpcUaGatewayException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** The server's problems when it is enabled. */
  public static List<String> problems(ConfigTree config) {
    if (!enabled(config)) {
      return List.of();
    }
    try {
      of(config);
      return List.of();
    } catch (ConfigException e) {
      return e.problems();
    }
  }
}
