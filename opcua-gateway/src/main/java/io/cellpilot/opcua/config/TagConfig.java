package io.cellpilot.opcua.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;

/**
 * One named tag of a PLC: where it lives and how it is monitored. Built with {@link #builder(String)} and validated
 * when its {@link PlcConfig} is built, so that messages carry the full key ({@code cellpilot.plcs.<id>.tags.<name>}).
 *
 * @param samplingInterval how often the server samples the node; zero asks for the fastest rate it supports
 * @param queueSize the server-side queue per monitored item; 1 keeps only the newest value
 * @param subscribe false for tags that are only written or read on demand
 */
public record TagConfig(
    String name,
    TagAddress address,
    Duration samplingInterval,
    int queueSize,
    Deadband deadband,
    Optional<Scaling> scaling,
    Optional<String> unit,
    boolean subscribe) {

  public static final Duration DEFAULT_SAMPLING_INTERVAL = Duration.ofMillis(250);
  static final Duration MAX_SAMPLING_INTERVAL = Duration.ofHours(1);
  static final int MAX_QUEUE_SIZE = 10_000;

  public static Builder builder(String name) {
    return new Builder(name);
  }

  void validate(String key, Optional<String> defaultNamespace) {
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw ConfigCheck.invalid(key, "is not a valid tag name (letters, digits, '_', '.', '-')");
    }
    if (address instanceof TagAddress.ByNodeId byId) {
      try {
        ExpandedNodeId.parse(byId.nodeId());
      } catch (RuntimeException e) {
        throw ConfigCheck.invalid(key + ".node-id", "is not an OPC UA node id (e.g. nsu=urn:x;s=Line1/State or "
            + "ns=2;i=42), was '" + byId.nodeId() + "'");
      }
    } else if (address instanceof TagAddress.ByBrowsePath path) {
      if (path.names().isEmpty() || path.names().stream().anyMatch(String::isBlank)) {
        throw ConfigCheck.invalid(key + ".browse-path", "must name at least one node below Objects, was "
            + path.names());
      }
      if ((path.namespaceUri() == null || path.namespaceUri().isBlank()) && defaultNamespace.isEmpty()) {
        throw ConfigCheck.invalid(key + ".namespace", "is required for a browse path (or set the PLC's "
            + "default-namespace)");
      }
    } else {
      throw ConfigCheck.invalid(key, "needs either node-id or browse-path");
    }
    ConfigCheck.between(key + ".sampling-interval", samplingInterval, Duration.ZERO, MAX_SAMPLING_INTERVAL);
    ConfigCheck.between(key + ".queue-size", queueSize, 1, MAX_QUEUE_SIZE);
    deadband.validate(key + ".deadband");
    scaling.ifPresent(s -> s.validate(key + ".scaling"));
  }

  /** Builds a tag; every setter is named after its YAML key. */
  public static final class Builder {
    private final String name;
    private String nodeId;
    private List<String> browsePath;
    private String namespace;
    private Duration samplingInterval = DEFAULT_SAMPLING_INTERVAL;
    private int queueSize = 1;
    private Deadband deadband = Deadband.NONE;
    private Scaling scaling;
    private String unit;
    private boolean subscribe = true;

    private Builder(String name) {
      this.name = name;
    }

    String name() {
      return name;
    }

    public Builder nodeId(String nodeId) {
      this.nodeId = nodeId;
      return this;
    }

    /** Browse names below the Objects folder separated by '/', e.g. {@code Line1/Conveyor/Speed}. */
    public Builder browsePath(String path) {
      this.browsePath = path == null ? null : Arrays.asList(path.replaceFirst("^/+", "").split("/"));
      return this;
    }

    public Builder namespace(String namespaceUri) {
      this.namespace = namespaceUri;
      return this;
    }

    public Builder samplingInterval(Duration samplingInterval) {
      this.samplingInterval = samplingInterval;
      return this;
    }

    public Builder queueSize(int queueSize) {
      this.queueSize = queueSize;
      return this;
    }

    public Builder deadband(Deadband deadband) {
      this.deadband = deadband == null ? Deadband.NONE : deadband;
      return this;
    }

    public Builder scaling(Scaling scaling) {
      this.scaling = scaling;
      return this;
    }

    public Builder unit(String unit) {
      this.unit = unit;
      return this;
    }

    public Builder subscribe(boolean subscribe) {
      this.subscribe = subscribe;
      return this;
    }

    /** The tag as configured; validation happens when the PLC configuration is built. */
    public TagConfig build() {
      return build("tags." + name);
    }

    TagConfig build(String key) {
      if (nodeId != null && browsePath != null) {
        throw ConfigCheck.invalid(key, "has both node-id and browse-path; give one");
      }
      TagAddress address = nodeId != null ? new TagAddress.ByNodeId(nodeId.trim())
          : browsePath != null ? new TagAddress.ByBrowsePath(browsePath, namespace)
          : null;
      return new TagConfig(name, address, samplingInterval, queueSize, deadband, Optional.ofNullable(scaling),
          Optional.ofNullable(unit).filter(u -> !u.isBlank()), subscribe);
    }
  }
}
