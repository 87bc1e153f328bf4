package io.cellpilot.sim.mqtt;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.config.MqttConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated devices' connection to the broker: one Paho v5 client that reconnects by itself. Publishing never
 * blocks the simulation: while the broker is away (or the in-flight window is full) messages are dropped and
 * counted, as a real sensor without buffering would lose them.
 */
public final class MqttPublisher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MqttPublisher.class);
  private static final long CONNECT_TIMEOUT_MS = 30_000;

  private final String uri;
  private final MqttAsyncClient client;
  private final MqttConnectionOptions options;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  /** A publisher for when MQTT is switched off: it sends nothing and counts nothing. */
  public static MqttPublisher disabled() {
    return new MqttPublisher();
  }

  private MqttPublisher() {
    this.uri = null;
    this.client = null;
    this.options = null;
  }

  public MqttPublisher(MqttConfig config, String uri) {
    this.uri = uri;
    try {
      this.client = new MqttAsyncClient(uri, config.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new SimException(SimException.Code.START_FAILED, "cannot create an MQTT client for " + uri + ": " + e, e);
    }
    options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 10);
    options.setConnectionTimeout(10);
    options.setKeepAliveInterval(30);
    options.setSocketFactory(new NoDelaySocketFactory());
    if (config.username() != null) {
      options.setUserName(config.username());
    }
    if (config.password() != null) {
      options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Connects, waiting until the broker accepted the session. */
  public MqttPublisher connect() {
    if (client == null) {
      return this;
    }
    try {
      client.connect(options).waitForCompletion(CONNECT_TIMEOUT_MS);
      log.info("[mqtt] devices connected to {} as {}", uri, client.getClientId());
      return this;
    } catch (MqttException e) {
      throw new SimException(SimException.Code.START_FAILED,
          "the simulated devices cannot connect to the MQTT broker at " + uri + ": " + e.getMessage(), e);
    }
  }

  /** Publishes without waiting; returns false (and counts it) when the message had to be dropped. */
  public boolean publish(String topic, byte[] payload, int qos, MqttProperties properties) {
    if (client == null) {
      return false;
    }
    if (!client.isConnected()) {
      return drop(topic, "not connected", null);
    }
    MqttMessage message = new MqttMessage(payload);
    message.setQos(qos);
    if (properties != null) {
      message.setProperties(properties);
    }
    try {
      client.publish(topic, message);
      published.incrementAndGet();
      return true;
    } catch (MqttException e) {
      return drop(topic, e.getMessage(), e);
    }
  }

  private boolean drop(String topic, String why, Exception e) {
    long n = dropped.incrementAndGet();
    if (n == 1 || n % 1000 == 0) {
      log.warn("[mqtt] dropped message to {} ({}); {} dropped so far", topic, why, n, e);
    }
    return false;
  }

  public long published() {
    return published.get();
  }

  public long dropped() {
    return dropped.get();
  }

  /** The broker's URI; null when MQTT is switched off. */
  public String uri() {
    return uri;
  }

  @Override
  public void close() {
    if (client == null) {
      return;
    }
    try {
      if (client.isConnected()) {
        client.disconnect(2_000).waitForCompletion(5_000);
      }
    } catch (MqttException e) {
      log.debug("[mqtt] disconnect from {} failed; closing anyway", uri, e);
      try {
        client.disconnectForcibly(0, 1_000, false);
      } catch (MqttException ignored) {
        // the connection is gone either way
      }
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("[mqtt] close of the client for {} failed", uri, e);
    }
  }
}
