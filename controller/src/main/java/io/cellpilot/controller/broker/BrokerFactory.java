package io.cellpilot.controller.broker;

import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.sim.broker.EmbeddedMqttBroker;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * Uses the plant broker when {@code cellpilot.mqtt.broker-url} is set; otherwise starts an embedded MQTT 5 broker
 * (HiveMQ CE) in this process, for the demo and small cells without a plant broker.
 */
@Factory
public class BrokerFactory {

  @Singleton
  @Requires(missingProperty = "cellpilot.mqtt.broker-url")
  @Bean(preDestroy = "close")
  EmbeddedMqttBroker embeddedBroker(ConfigTree config) {
    return EmbeddedMqttBroker.builder()
        .bindAddress(config.string("cellpilot.mqtt.embedded.bind-address"))
        .port(config.integer("cellpilot.mqtt.embedded.port"))
        .build()
        .start();
  }

  @Singleton
  BrokerEndpoint brokerEndpoint(ConfigTree config, @Nullable EmbeddedMqttBroker embedded) {
    if (embedded != null) {
      return new BrokerEndpoint(URI.create(embedded.uri()), null, null, true);
    }
    return new BrokerEndpoint(URI.create(config.string("cellpilot.mqtt.broker-url")),
        config.optionalString("cellpilot.mqtt.username").orElse(null),
        config.optionalString("cellpilot.mqtt.password").orElse(null), false);
  }
}
