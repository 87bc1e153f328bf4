package io.cellpilot.controller.plc;

import io.cellpilot.controller.config.ConfigException;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.opcua.OpcUaGatewayException;
import io.cellpilot.opcua.config.Deadband;
import io.cellpilot.opcua.config.IdentityConfig;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.Scaling;
import io.cellpilot.opcua.config.SecurityMode;
import io.cellpilot.opcua.config.SecurityPolicyName;
import io.cellpilot.opcua.config.TagConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns {@code cellpilot.plcs.<id>.*} into the gateway's {@link PlcConfig}: the same keys, named the same way, so a
 * key is documented once. The controller adds one convenience: a node id written without a namespace
 * ({@code Line1/State}) is a string identifier in the PLC's {@code default-namespace}.
 */
public final class PlcSettings {
  /** OPC 10000-6 5.3.1.10: a node id in text form starts with one of these. */
  private static final Pattern NODE_ID_TEXT = Pattern.compile("^(nsu=|ns=|svr=|i=|s=|g=|b=).*", Pattern.DOTALL);

  private PlcSettings() {}

  /** The key prefix of one PLC. */
  public static String key(String plc) {
    return "cellpilot.plcs." + plc;
  }

  /** The gateway configuration of PLC {@code id}; throws {@link ConfigException} naming the key. */
  public static PlcConfig plc(ConfigTree config, String id) {
    String base = key(id);
    Optional<String> namespace = config.optionalString(base + ".default-namespace");
    try {
      PlcConfig.Builder b = PlcConfig.builder(id)
          .endpoint(config.string(base + ".endpoint"))
          .securityPolicy(SecurityPolicyName.valueOf(canonical(config.string(base + ".security-policy"),
              SecurityPolicyName.values())))
          .securityMode(SecurityMode.valueOf(canonical(config.string(base + ".security-mode"), SecurityMode.values())))
          .identity(identity(config, base + ".identity"))
          .pkiDir(config.optionalString(base + ".pki-dir").map(Path::of)
              .orElse(config.path("cellpilot.data-dir").resolve("pki")))
          .applicationUri(config.string(base + ".application-uri"))
          .keepAliveInterval(config.duration(base + ".keep-alive-interval"))
          .keepAliveFailuresAllowed(config.integer(base + ".keep-alive-failures-allowed"))
          .keepAliveTimeout(config.duration(base + ".keep-alive-timeout"))
          .requestTimeout(config.duration(base + ".request-timeout"))
          .sessionTimeout(config.duration(base + ".session-timeout"))
          .publishingInterval(config.duration(base + ".publishing-interval"))
          .reconnectMaxDelay(config.duration(base + ".reconnect-max-delay"));
      namespace.ifPresent(b::defaultNamespace);
      for (String tag : config.ids(base + ".tags")) {
        b.tag(tag(config, base + ".tags." + tag, tag, namespace));
      }
      return b.build();
    } catch (OpcUaGatewayException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static TagConfig.Builder tag(ConfigTree config, String key, String name, Optional<String> namespace) {
    TagConfig.Builder t = TagConfig.builder(name)
        .samplingInterval(config.duration(key + ".sampling-interval"))
        .queueSize(config.integer(key + ".queue-size"))
        .subscribe(config.bool(key + ".subscribe"));
    Optional<String> nodeId = config.optionalString(key + ".node-id");
    Optional<String> path = config.optionalString(key + ".browse-path");
    if (nodeId.isPresent() == path.isPresent()) {
      throw new ConfigException(key + " needs either node-id or browse-path (exactly one)");
    }
    nodeId.ifPresent(id -> t.nodeId(nodeId(id, namespace, key + ".node-id", key(plcOf(key)))));
    path.ifPresent(t::browsePath);
    config.optionalString(key + ".namespace").ifPresent(t::namespace);
    config.optionalString(key + ".unit").ifPresent(t::unit);
    String deadband = config.string(key + ".deadband.type").toLowerCase(Locale.ROOT);
    double value = config.decimal(key + ".deadband.value");
    t.deadband(deadband.equals("absolute") ? Deadband.absolute(value)
        : deadband.equals("percent") ? Deadband.percent(value) : Deadband.NONE);
    List<String> scaling = List.of("raw-low", "raw-high", "eng-low", "eng-high");
    long set = scaling.stream().filter(s -> config.isSet(key + ".scaling." + s)).count();
    if (set == scaling.size()) {
      t.scaling(new Scaling(config.decimal(key + ".scaling.raw-low"), config.decimal(key + ".scaling.raw-high"),
          config.decimal(key + ".scaling.eng-low"), config.decimal(key + ".scaling.eng-high")));
    } else if (set > 0) {
      throw new ConfigException(key + ".scaling needs all of raw-low, raw-high, eng-low and eng-high");
    }
    return t;
  }

  private static String plcOf(String tagKey) {
    return tagKey.split("\\.")[2];
  }

  /**
   * A node id in OPC UA text form as it is, or {@code nsu=<default-namespace>;s=<text>} for a bare string identifier.
   *
   * @param key the configuration key the node id came from, for the message
   * @param plcKey the PLC's key prefix, to name its default-namespace in the message
   */
  public static String nodeId(String text, Optional<String> defaultNamespace, String key, String plcKey) {
    String id = text.trim();
    if (NODE_ID_TEXT.matcher(id).matches()) {
      return id;
    }
    return defaultNamespace.map(ns -> "nsu=" + ns + ";s=" + id).orElseThrow(() -> new ConfigException(key + " '"
        + id + "' names no namespace (write nsu=<uri>;s=" + id + ") and " + plcKey + ".default-namespace is not set"));
  }

  private static IdentityConfig identity(ConfigTree config, String key) {
    switch (config.string(key + ".type").toLowerCase(Locale.ROOT)) {
      case "username":
        return new IdentityConfig.UserPassword(config.optionalString(key + ".username").orElse(null),
            config.optionalString(key + ".password").orElse(null));
      case "x509":
        return new IdentityConfig.X509(config.optionalString(key + ".certificate").map(Path::of).orElse(null),
            config.optionalString(key + ".private-key").map(Path::of).orElse(null));
      default:
        return IdentityConfig.anonymous();
    }
  }

  private static <E extends Enum<E>> String canonical(String word, E[] values) {
    for (E e : values) {
      if (e.name().equalsIgnoreCase(word)) {
        return e.name();
      }
    }
    return word;
  }

  /** Every PLC's problems, one line each naming its key; empty when all build. */
  public static List<String> problems(ConfigTree config) {
    List<String> problems = new ArrayList<>();
    for (String id : config.ids("cellpilot.plcs")) {
      try {
        plc(config, id);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    return problems;
  }
}
