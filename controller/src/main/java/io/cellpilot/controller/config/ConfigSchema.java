package io.cellpilot.controller.config;

import static io.cellpilot.controller.config.ValueType.BOOLEAN;
import static io.cellpilot.controller.config.ValueType.DECIMAL;
import static io.cellpilot.controller.config.ValueType.DURATION;
import static io.cellpilot.controller.config.ValueType.INTEGER;
import static io.cellpilot.controller.config.ValueType.PATH;
import static io.cellpilot.controller.config.ValueType.STRING;
import static io.cellpilot.controller.config.ValueType.STRING_LIST;
import static io.cellpilot.controller.config.ValueType.URL;

import java.util.List;
import java.util.Optional;

/**
 * Every key under {@code cellpilot.} that the controller understands. Micronaut ignores unknown keys; CellPilot does
 * not, because a misspelt key silently falling back to a default is the surprise integrators hate most. The defaults
 * here are the ones the beans use (they read them through {@link ConfigTree}); docs/controller.md lists the same.
 */
public final class ConfigSchema {
  public static final String DEFAULT_TAG_MAX_AGE = "10s";
  public static final String DEFAULT_QOS = "1";

  private static final List<ConfigKey> CORE = List.of(
      ConfigKey.of("cellpilot.site", STRING, "site1", "site name, used in status topics"),
      ConfigKey.of("cellpilot.cell", STRING, "cell1", "cell name, used in status topics"),
      ConfigKey.of("cellpilot.data-dir", PATH, "data",
          "folder for decisions, the review queue, labels, users and the audit log"),
      ConfigKey.of("cellpilot.http.port", INTEGER, "8080", "HTTP API port (0 picks a free one)").range(0, 65535, ""),
      ConfigKey.of("cellpilot.http.bind-address", STRING, "0.0.0.0", "interface the HTTP API listens on"),

      ConfigKey.of("cellpilot.mqtt.broker-url", URL, null,
          "the plant broker, e.g. tcp://broker:1883; absent: an embedded broker is started"),
      ConfigKey.of("cellpilot.mqtt.username", STRING, null, "user name for the plant broker"),
      ConfigKey.of("cellpilot.mqtt.password", STRING, null, "password for the plant broker"),
      ConfigKey.of("cellpilot.mqtt.embedded.port", INTEGER, "1883", "embedded broker port (0 picks a free one)")
          .range(0, 65535, ""),
      ConfigKey.of("cellpilot.mqtt.embedded.bind-address", STRING, "127.0.0.1", "embedded broker interface"),

      ConfigKey.of("cellpilot.mqtt-sources.*.broker-url", URL, null, "broker of this source (default: cellpilot.mqtt)"),
      ConfigKey.of("cellpilot.mqtt-sources.*.username", STRING, null, "user name at this source's broker"),
      ConfigKey.of("cellpilot.mqtt-sources.*.password", STRING, null, "password at this source's broker"),
      ConfigKey.of("cellpilot.mqtt-sources.*.qos", INTEGER, DEFAULT_QOS, "subscription QoS").range(0, 2, ""),
      ConfigKey.of("cellpilot.mqtt-sources.*.max-age", DURATION, DEFAULT_TAG_MAX_AGE, "a tag older than this is stale")
          .range(0.01, 86_400, "s"),
      ConfigKey.required("cellpilot.mqtt-sources.*.mappings.*.topic", STRING,
          "topic filter; + and # wildcards allowed"),
      ConfigKey.of("cellpilot.mqtt-sources.*.mappings.*.field", STRING, "/value",
          "JSON pointer of the value in the payload (RFC 6901), e.g. /value or /activePowerKw"),
      ConfigKey.of("cellpilot.mqtt-sources.*.mappings.*.type", STRING, "number", "expected value type")
          .oneOf("number", "boolean", "string"),
      ConfigKey.of("cellpilot.mqtt-sources.*.mappings.*.tag", STRING, null,
          "tag name; {1}, {2} insert the topic levels matched by wildcards; default: the mapping id"),
      ConfigKey.of("cellpilot.mqtt-sources.*.mappings.*.timestamp-field", STRING, "/timestamp",
          "JSON pointer of an ISO-8601 time; empty: use the arrival time"),
      ConfigKey.of("cellpilot.mqtt-sources.*.mappings.*.max-age", DURATION, null,
          "stale after this age (default: the source's)").range(0.01, 86_400, "s"),

      ConfigKey.required("cellpilot.cameras.*.type", STRING, "mqtt or folder").oneOf("mqtt", "folder"),
      ConfigKey.of("cellpilot.cameras.*.topic", STRING, null, "MQTT topic of the images (type mqtt)"),
      ConfigKey.of("cellpilot.cameras.*.broker-url", URL, null, "broker of this camera (default: cellpilot.mqtt)"),
      ConfigKey.of("cellpilot.cameras.*.part-id-property", STRING, "partId", "MQTT 5 user property with the part id"),
      ConfigKey.of("cellpilot.cameras.*.folder", PATH, null, "folder the camera writes <partId>.<ext> to (type folder)"),
      ConfigKey.of("cellpilot.cameras.*.extension", STRING, "png", "image file extension watched (type folder)"),
      ConfigKey.of("cellpilot.cameras.*.max-image-bytes", INTEGER, "20000000", "larger images are refused")
          .range(1, 500_000_000, "bytes"),

      ConfigKey.required("cellpilot.models.*.kind", STRING, "inspection or health").oneOf("inspection", "health"),
      ConfigKey.of("cellpilot.models.*.package", PATH, null, "model package loaded at start"),
      ConfigKey.of("cellpilot.models.*.threshold", DECIMAL, null, "overrides the package's threshold"),

      ConfigKey.of("cellpilot.inspection.enabled", BOOLEAN, "true", "run the inspection pipeline"),
      ConfigKey.of("cellpilot.inspection.camera", STRING, null, "camera id (default: the only camera)"),
      ConfigKey.of("cellpilot.inspection.model", STRING, null, "inspection model id (default: the only one)"),
      ConfigKey.of("cellpilot.inspection.robot", STRING, null, "robot that picks rejects (default: the only one)"),
      ConfigKey.of("cellpilot.inspection.part-present-tag", STRING, "plc.part-at-inspection",
          "boolean tag: a part stands under the camera"),
      ConfigKey.of("cellpilot.inspection.part-id-tag", STRING, "plc.part-id", "string tag: that part's id"),
      ConfigKey.of("cellpilot.inspection.required-tags", STRING_LIST, "",
          "more tags that must be fresh for any decision"),
      ConfigKey.of("cellpilot.inspection.pairing-timeout", DURATION, "5s",
          "how long a part waits for its image and an image for its part").range(0.05, 600, "s"),
      ConfigKey.of("cellpilot.inspection.threshold", DECIMAL, null,
          "score at and above which a part is defective (default: the model's)"),
      ConfigKey.of("cellpilot.inspection.uncertain-band", DECIMAL, "0.05",
          "scores within this distance of the threshold go to review").range(0, 1_000_000, ""),
      ConfigKey.of("cellpilot.review.capacity", INTEGER, "1000", "review queue size").range(1, 1_000_000, "parts"),
      ConfigKey.of("cellpilot.decisions.recent", INTEGER, "200", "decisions kept in memory for the API")
          .range(1, 100_000, ""),

      ConfigKey.of("cellpilot.health.period", DURATION, "1s", "how often each machine's window is scored")
          .range(0.01, 3600, "s"),
      ConfigKey.required("cellpilot.health.machines.*.tags", STRING_LIST, "the machine's sensor tags, in order"),
      ConfigKey.of("cellpilot.health.machines.*.model", STRING, null,
          "health model id (default: the built-in z-score detector)"),
      ConfigKey.of("cellpilot.health.machines.*.probation-samples", INTEGER, "60",
          "windows the built-in detector learns from before it scores").range(2, 10_000_000, ""),
      ConfigKey.of("cellpilot.health.machines.*.warning-raise", DECIMAL, "4.0", "score that raises a warning"),
      ConfigKey.of("cellpilot.health.machines.*.warning-clear", DECIMAL, "3.0", "score below which it clears"),
      ConfigKey.of("cellpilot.health.machines.*.critical-raise", DECIMAL, "8.0", "score that raises critical"),
      ConfigKey.of("cellpilot.health.machines.*.critical-clear", DECIMAL, "6.0", "score below which critical eases"),
      ConfigKey.of("cellpilot.health.machines.*.raise-after", INTEGER, "3", "consecutive windows above to raise")
          .range(1, 10_000, ""),
      ConfigKey.of("cellpilot.health.machines.*.clear-after", INTEGER, "5", "consecutive windows below to clear")
          .range(1, 10_000, ""),

      ConfigKey.of("cellpilot.security.users-file", PATH, null, "users and hashed secrets (default: <data-dir>/users)"),
      ConfigKey.of("cellpilot.security.audit-file", PATH, null, "audit log (default: <data-dir>/audit.log)"),
      ConfigKey.of("cellpilot.security.first-start", STRING, "generate",
          "no users file: generate an engineer account once, or refuse commands until one is added")
          .oneOf("generate", "refuse"),
      ConfigKey.of("cellpilot.security.anonymous-read", BOOLEAN, "false", "allow reads without credentials"));

  private static final List<ConfigKey> KEYS = concat(CORE, PlcKeys.KEYS, RobotKeys.KEYS, OutputKeys.KEYS,
      VisionKeys.KEYS, EnergyKeys.KEYS);

  private ConfigSchema() {}

  @SafeVarargs
  private static List<ConfigKey> concat(List<ConfigKey>... parts) {
    List<ConfigKey> all = new java.util.ArrayList<>();
    for (List<ConfigKey> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }

  public static List<ConfigKey> keys() {
    return KEYS;
  }

  /** The key pattern a concrete key belongs to. */
  public static Optional<ConfigKey> find(String key) {
    return KEYS.stream().filter(k -> k.matches(key)).findFirst();
  }
}
