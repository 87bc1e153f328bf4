package io.cellpilot.opcua.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One PLC (OPC UA server) the gateway connects to, with its tags; YAML under {@code cellpilot.plcs.<id>}. Immutable
 * and validated when built: every error names its key.
 *
 * @param keepAliveInterval how often the session's keep-alive read is sent
 * @param keepAliveFailuresAllowed keep-alive failures tolerated before the connection is declared lost
 * @param publishingInterval the subscription's publishing interval (how often notifications are sent)
 */
public record PlcConfig(
    String id,
    URI endpoint,
    SecurityPolicyName securityPolicy,
    SecurityMode securityMode,
    IdentityConfig identity,
    Path pkiDir,
    String applicationUri,
    Duration keepAliveInterval,
    int keepAliveFailuresAllowed,
    Duration keepAliveTimeout,
    Duration requestTimeout,
    Duration sessionTimeout,
    Duration publishingInterval,
    Duration reconnectMaxDelay,
    Optional<String> defaultNamespace,
    Map<String, TagConfig> tags) {

  public static final String DEFAULT_APPLICATION_URI = "urn:cellpilot:gateway";

  public PlcConfig {
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The YAML key prefix of this PLC, for messages. */
  public String key() {
    return "cellpilot.plcs." + id;
  }

  /**
   * The longest time between a silently dead connection (cable pulled, PLC frozen) and the gateway declaring it lost:
   * one keep-alive interval per allowed failure plus the last one, plus the timeout of the last keep-alive request.
   * A closed TCP connection (PLC rebooting) is seen at once.
   */
  public Duration lossDetectionBound() {
    return keepAliveInterval.multipliedBy(keepAliveFailuresAllowed + 1L).plus(keepAliveTimeout);
  }

  /** Builds a PLC configuration; setters are named after the YAML keys. */
  public static final class Builder {
    private final String id;
    private String endpoint;
    private SecurityPolicyName securityPolicy = SecurityPolicyName.Basic256Sha256;
    private SecurityMode securityMode = SecurityMode.SignAndEncrypt;
    private IdentityConfig identity = IdentityConfig.anonymous();
    private Path pkiDir = Path.of("pki");
    private String applicationUri = DEFAULT_APPLICATION_URI;
    private Duration keepAliveInterval = Duration.ofSeconds(2);
    private int keepAliveFailuresAllowed = 1;
    private Duration keepAliveTimeout = Duration.ofSeconds(2);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration sessionTimeout = Duration.ofSeconds(60);
    private Duration publishingInterval = Duration.ofMillis(100);
    private Duration reconnectMaxDelay = Duration.ofSeconds(16);
    private String defaultNamespace;
    private final Map<String, TagConfig.Builder> tags = new LinkedHashMap<>();

    private Builder(String id) {
      this.id = id;
    }

    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder securityPolicy(SecurityPolicyName securityPolicy) {
      this.securityPolicy = securityPolicy;
      return this;
    }

    public Builder securityMode(SecurityMode securityMode) {
      this.securityMode = securityMode;
      return this;
    }

    /** Shorthand for policy None and mode None: only for PLCs that offer nothing else, on a closed network. */
    public Builder noSecurity() {
      return securityPolicy(SecurityPolicyName.None).securityMode(SecurityMode.None);
    }

    public Builder identity(IdentityConfig identity) {
      this.identity = identity;
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

    public Builder keepAliveInterval(Duration keepAliveInterval) {
      this.keepAliveInterval = keepAliveInterval;
      return this;
    }

    public Builder keepAliveFailuresAllowed(int keepAliveFailuresAllowed) {
      this.keepAliveFailuresAllowed = keepAliveFailuresAllowed;
      return this;
    }

    public Builder keepAliveTimeout(Duration keepAliveTimeout) {
      this.keepAliveTimeout = keepAliveTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder sessionTimeout(Duration sessionTimeout) {
      this.sessionTimeout = sessionTimeout;
      return this;
    }

    public Builder publishingInterval(Duration publishingInterval) {
      this.publishingInterval = publishingInterval;
      return this;
    }

    public Builder reconnectMaxDelay(Duration reconnectMaxDelay) {
      this.reconnectMaxDelay = reconnectMaxDelay;
      return this;
    }

    /** Namespace URI of browse paths whose tag names none. */
    public Builder defaultNamespace(String namespaceUri) {
      this.defaultNamespace = namespaceUri;
      return this;
    }

    public Builder tag(TagConfig.Builder tag) {
      tags.put(tag.name(), tag);
      return this;
    }

    /** Validates everything and returns the immutable configuration. */
    public PlcConfig build() {
      if (id == null || !id.matches("[A-Za-z0-9_-]+")) {
        throw ConfigCheck.invalid("cellpilot.plcs.<id>", "must be letters, digits, '_' or '-', was '" + id + "'");
      }
      String key = "cellpilot.plcs." + id;
      URI uri = parseEndpoint(key + ".endpoint", endpoint);
      ConfigCheck.required(key + ".security-policy", securityPolicy);
      ConfigCheck.required(key + ".security-mode", securityMode);
      if ((securityPolicy == SecurityPolicyName.None) != (securityMode == SecurityMode.None)) {
        throw ConfigCheck.invalid(key + ".security-mode", "must be None exactly when security-policy is None, was "
            + securityMode + " with policy " + securityPolicy);
      }
      validateIdentity(key + ".identity", identity);
      ConfigCheck.required(key + ".pki-dir", pkiDir);
      String appUri = ConfigCheck.required(key + ".application-uri", applicationUri);
      if (!appUri.contains(":")) {
        throw ConfigCheck.invalid(key + ".application-uri", "must be a URI such as urn:cellpilot:gateway, was '"
            + appUri + "'");
      }
      ConfigCheck.between(key + ".keep-alive-interval", keepAliveInterval, Duration.ofMillis(100),
          Duration.ofMinutes(1));
      ConfigCheck.between(key + ".keep-alive-failures-allowed", keepAliveFailuresAllowed, 0, 10);
      ConfigCheck.between(key + ".keep-alive-timeout", keepAliveTimeout, Duration.ofMillis(100),
          Duration.ofMinutes(1));
      ConfigCheck.between(key + ".request-timeout", requestTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
      ConfigCheck.between(key + ".session-timeout", sessionTimeout, Duration.ofSeconds(1), Duration.ofHours(1));
      ConfigCheck.between(key + ".publishing-interval", publishingInterval, Duration.ofMillis(10),
          Duration.ofMinutes(10));
      ConfigCheck.between(key + ".reconnect-max-delay", reconnectMaxDelay, Duration.ofMillis(100),
          Duration.ofMinutes(5));
      Optional<String> defaultNs = Optional.ofNullable(defaultNamespace).filter(s -> !s.isBlank());
      Map<String, TagConfig> built = new LinkedHashMap<>();
      tags.forEach((name, builder) -> {
        String tagKey = key + ".tags." + name;
        TagConfig tag = builder.build(tagKey);
        tag.validate(tagKey, defaultNs);
        if (tag.address() instanceof TagAddress.ByBrowsePath path && path.namespaceUri() == null) {
          tag = new TagConfig(tag.name(), new TagAddress.ByBrowsePath(path.names(), defaultNs.orElseThrow()),
              tag.samplingInterval(), tag.queueSize(), tag.deadband(), tag.scaling(), tag.unit(), tag.subscribe());
        }
        built.put(name, tag);
      });
      return new PlcConfig(id, uri, securityPolicy, securityMode, identity, pkiDir, appUri, keepAliveInterval,
          keepAliveFailuresAllowed, keepAliveTimeout, requestTimeout, sessionTimeout, publishingInterval,
          reconnectMaxDelay, defaultNs, built);
    }

    private static URI parseEndpoint(String key, String endpoint) {
      ConfigCheck.required(key, endpoint);
      URI uri;
      try {
        uri = URI.create(endpoint.trim());
      } catch (IllegalArgumentException e) {
        throw ConfigCheck.invalid(key, "is not a URL (" + e.getMessage() + "), was '" + endpoint + "'");
      }
      if (!"opc.tcp".equals(uri.getScheme()) || uri.getHost() == null) {
        throw ConfigCheck.invalid(key, "must look like opc.tcp://host:4840[/path], was '" + endpoint + "'");
      }
      return uri;
    }

    private static void validateIdentity(String key, IdentityConfig identity) {
      ConfigCheck.required(key + ".type", identity);
      if (identity instanceof IdentityConfig.UserPassword up) {
        ConfigCheck.required(key + ".username", up.username());
        ConfigCheck.required(key + ".password", up.password());
      } else if (identity instanceof IdentityConfig.X509 x509) {
        ConfigCheck.required(key + ".certificate", x509.certificate());
        ConfigCheck.required(key + ".private-key", x509.privateKey());
      }
    }
  }
}
