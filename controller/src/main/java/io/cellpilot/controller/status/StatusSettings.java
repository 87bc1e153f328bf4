package io.cellpilot.controller.status;

import io.cellpilot.controller.config.ConfigException;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.outbox.OutboxConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps {@code cellpilot.status.*} and {@code cellpilot.mqtt.*} onto the status publishers' records. Site and cell are
 * the controller's {@code cellpilot.site} and {@code cellpilot.cell} (one name for topics, Sparkplug and the API); the
 * broker is the controller's: the plant broker of {@code cellpilot.mqtt.broker-url}, or the embedded one.
 */
public final class StatusSettings {
  private StatusSettings() {}

  public static StatusConfig status(ConfigTree config) {
    try {
      Path outbox = config.optionalString("cellpilot.status.outbox.directory").map(Path::of)
          .orElse(config.path("cellpilot.data-dir").resolve("outbox"));
      OutboxConfig box = new OutboxConfig(outbox, config.bytes("cellpilot.status.outbox.max-bytes"),
          config.bytes("cellpilot.status.outbox.segment-bytes"),
          OutboxConfig.FsyncPolicy.valueOf(config.string("cellpilot.status.outbox.fsync").toUpperCase(Locale.ROOT)),
          config.duration("cellpilot.status.outbox.fsync-interval"),
          config.duration("cellpilot.status.outbox.ack-interval"));
      return new StatusConfig(config.string("cellpilot.site"), config.string("cellpilot.cell"),
          config.bool("cellpilot.status.json.enabled"), config.bool("cellpilot.status.sparkplug.enabled"),
          config.optionalString("cellpilot.status.sparkplug.primary-host-id").orElse(null), box,
          config.duration("cellpilot.status.reconnect-delay-max"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage().replace("cellpilot.status.site", "cellpilot.site")
          .replace("cellpilot.status.cell", "cellpilot.cell"));
    }
  }

  /**
   * The publishers' broker connection.
   *
   * @param broker the broker the controller uses (plant or embedded)
   */
  public static MqttConfig mqtt(ConfigTree config, URI broker, String username, String password) {
    String cell = config.string("cellpilot.cell");
    String prefix = config.optionalString("cellpilot.mqtt.client-id-prefix")
        .orElse(("cellpilot-" + cell).replaceAll("[^A-Za-z0-9_.-]", "-"));
    if (prefix.length() > 40) {
      prefix = prefix.substring(0, 40);
    }
    String uri = broker.getScheme() + "://" + broker.getHost() + ":" + portOf(broker);
    try {
      return new MqttConfig(uri, prefix, username, password,
          config.optionalString("cellpilot.mqtt.tls.ca-file").map(Path::of).orElse(null),
          config.optionalString("cellpilot.mqtt.tls.key-store").map(Path::of).orElse(null),
          config.optionalString("cellpilot.mqtt.tls.key-store-password").orElse(null),
          config.duration("cellpilot.mqtt.keep-alive"), config.duration("cellpilot.mqtt.connect-timeout"),
          config.integer("cellpilot.mqtt.max-inflight"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage().replace("cellpilot.mqtt.server-uri", "cellpilot.mqtt.broker-url"));
    }
  }

  private static int portOf(URI broker) {
    if (broker.getPort() > 0) {
      return broker.getPort();
    }
    return "ssl".equals(broker.getScheme()) ? 8883 : 1883;
  }

  /** The problems of these keys, each naming its key. */
  public static List<String> problems(ConfigTree config) {
    List<String> problems = new ArrayList<>();
    try {
      status(config);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
    URI broker = config.optionalString("cellpilot.mqtt.broker-url").map(URI::create)
        .orElse(URI.create("tcp://127.0.0.1:1883"));
    if (!List.of("tcp", "ssl").contains(broker.getScheme())) {
      problems.add("cellpilot.mqtt.broker-url must start with tcp:// or ssl://, was " + broker);
      return problems;
    }
    try {
      mqtt(config, broker, config.optionalString("cellpilot.mqtt.username").orElse(null),
          config.optionalString("cellpilot.mqtt.password").orElse(null));
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
    return problems;
  }
}
