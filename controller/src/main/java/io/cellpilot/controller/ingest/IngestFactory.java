package io.cellpilot.controller.ingest;

import io.cellpilot.controller.broker.BrokerEndpoint;
import io.cellpilot.controller.config.CameraConfig;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.config.MqttSourceConfig;
import io.cellpilot.controller.status.StatusSettings;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.mqtt.NoDelaySocketFactories;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.SocketFactory;

/** One ingest source per configured MQTT source and one per camera, each with its own MQTT connection. */
@Factory
public class IngestFactory {
  private final ConfigTree config;
  private final BrokerEndpoint broker;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;

  public IngestFactory(ConfigTree config, BrokerEndpoint broker, Clock clock,
      @Named("cellpilot") ScheduledExecutorService scheduler) {
    this.config = config;
    this.broker = broker;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  @EachBean(MqttSourceConfig.class)
  @Bean(preDestroy = "close")
  MqttIngestSource mqttSource(MqttSourceConfig source) {
    String base = "cellpilot.mqtt-sources." + source.id();
    List<TopicMapping> mappings = new ArrayList<>();
    for (String id : config.ids(base + ".mappings")) {
      String m = base + ".mappings." + id;
      mappings.add(new TopicMapping(id, config.string(m + ".topic"), config.string(m + ".field"),
          TopicMapping.ValueKind.valueOf(config.string(m + ".type").toUpperCase(Locale.ROOT)),
          config.optionalString(m + ".tag").orElse(id), config.string(m + ".timestamp-field"),
          config.optionalDuration(m + ".max-age").orElse(config.duration(base + ".max-age"))));
    }
    return new MqttIngestSource(source.id(), endpoint(base, "cellpilot-" + source.id()), mappings,
        config.integer(base + ".qos"), clock, scheduler);
  }

  @EachBean(CameraConfig.class)
  @Bean(preDestroy = "close")
  CameraSource camera(CameraConfig camera) {
    String base = "cellpilot.cameras." + camera.id();
    long maxBytes = config.integer(base + ".max-image-bytes");
    if (config.string(base + ".type").equalsIgnoreCase("folder")) {
      return new FolderCameraSource(camera.id(), Path.of(config.string(base + ".folder")),
          config.string(base + ".extension"), maxBytes, clock);
    }
    return new MqttCameraSource(camera.id(), endpoint(base, "cellpilot-camera-" + camera.id()),
        config.string(base + ".topic"), config.string(base + ".part-id-property"), maxBytes, clock, scheduler);
  }

  /** The device's own broker when it names one, otherwise the controller's broker. */
  private MqttEndpoint endpoint(String base, String clientId) {
    String id = clientId + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
    return config.optionalString(base + ".broker-url")
        .map(url -> new MqttEndpoint(URI.create(url), id, config.optionalString(base + ".username").orElse(null),
            config.optionalString(base + ".password").orElse(null), tls(URI.create(url), false)))
        .orElse(new MqttEndpoint(broker.url(), id, broker.username(), broker.password(), tls(broker.url(), true)));
  }

  /**
   * TLS for an {@code ssl://} broker: the controller's broker with {@code cellpilot.mqtt.tls.*} (as the status
   * publishers), a device's own broker with the JVM's trust store; null (plain TCP) otherwise.
   */
  private SocketFactory tls(URI url, boolean controllersBroker) {
    if (!"ssl".equals(url.getScheme())) {
      return null;
    }
    MqttConfig mqtt = controllersBroker ? StatusSettings.mqtt(config, url, null, null)
        : MqttConfig.plain("ssl://" + url.getHost() + ":" + (url.getPort() > 0 ? url.getPort() : 8883), "ingest");
    return NoDelaySocketFactories.forConfig(mqtt);
  }
}
