package io.cellpilot.controller.support;

import io.cellpilot.controller.ingest.NoDelaySocketFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** A real Paho v5 publisher for tests: JSON sensor messages and camera images with user properties. */
public final class Mqtt implements AutoCloseable {
  private final MqttClient client;

  public Mqtt(String uri, String clientId) throws MqttException {
    client = new MqttClient(uri, clientId, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setSocketFactory(new NoDelaySocketFactory());
    client.connect(options);
  }

  public void json(String topic, String json) throws MqttException {
    client.publish(topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  /** A camera image as the simulator sends it (docs/wire-contracts.md). */
  public void image(String topic, String partId, byte[] png) throws MqttException {
    MqttMessage message = new MqttMessage(png);
    message.setQos(1);
    MqttProperties props = new MqttProperties();
    props.setContentType("image/png");
    List<UserProperty> user = new ArrayList<>();
    if (partId != null) {
      user.add(new UserProperty("partId", partId));
    }
    user.add(new UserProperty("capturedAt", java.time.Instant.now().toString()));
    props.setUserProperties(user);
    message.setProperties(props);
    client.publish(topic, message);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
