package io.cellpilot.status;

import io.cellpilot.status.outbox.OutboxConfig;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What the status publishers publish and where they keep their state (YAML {@code cellpilot.status.*}).
 *
 * @param site MQTT topic level and Sparkplug group id, e.g. {@code plant1}
 * @param cell MQTT topic level and Sparkplug edge node id, e.g. {@code cell1}
 * @param json publish the plain JSON topics under {@code cellpilot/<site>/<cell>/}
 * @param sparkplug run the Sparkplug B edge node
 * @param primaryHostId Sparkplug primary host application id to wait for before NBIRTH; null or empty: none
 * @param outbox the durable log both publishers read from
 * @param reconnectDelayMax the longest wait between two connection attempts (it doubles from 250 ms up to this)
 */
public record StatusConfig(
    String site, String cell, boolean json, boolean sparkplug, String primaryHostId, OutboxConfig outbox,
    Duration reconnectDelayMax) {

  // Sparkplug B 3.0 tck-id-topic-structure-namespace-valid-group-id / edge-node-id: no '/', '+' or '#'. MQTT JSON
  // dashboards put these in topic filters as well, so the same rule keeps both safe.
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public StatusConfig {
    requireId("cellpilot.status.site", site);
    requireId("cellpilot.status.cell", cell);
    if (primaryHostId != null && !primaryHostId.isEmpty()) {
      requireId("cellpilot.status.sparkplug.primary-host-id", primaryHostId);
    }
    if (outbox == null) {
      throw new IllegalArgumentException("cellpilot.status.outbox must be configured");
    }
    if (reconnectDelayMax == null || reconnectDelayMax.toMillis() < 250 || reconnectDelayMax.toSeconds() > 300) {
      throw new IllegalArgumentException(
          "cellpilot.status.reconnect-delay-max must be between 250ms and 300s, was " + reconnectDelayMax);
    }
  }

  /** JSON and Sparkplug on, no primary host, the outbox under {@code dataDir/outbox}, reconnect within 10 s. */
  public static StatusConfig defaults(String site, String cell, java.nio.file.Path dataDir) {
    return new StatusConfig(site, cell, true, true, null, OutboxConfig.defaults(dataDir.resolve("outbox")),
        Duration.ofSeconds(10));
  }

  public StatusConfig withPrimaryHost(String hostId) {
    return new StatusConfig(site, cell, json, sparkplug, hostId, outbox, reconnectDelayMax);
  }

  public StatusConfig withOutbox(OutboxConfig newOutbox) {
    return new StatusConfig(site, cell, json, sparkplug, primaryHostId, newOutbox, reconnectDelayMax);
  }

  public StatusConfig withPublishers(boolean newJson, boolean newSparkplug) {
    return new StatusConfig(site, cell, newJson, newSparkplug, primaryHostId, outbox, reconnectDelayMax);
  }

  public boolean waitsForPrimaryHost() {
    return primaryHostId != null && !primaryHostId.isEmpty();
  }

  private static void requireId(String key, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          key + " must be 1-64 letters, digits, '_', '.' or '-' (no '/', '+', '#'), was '" + value + "'");
    }
  }
}
