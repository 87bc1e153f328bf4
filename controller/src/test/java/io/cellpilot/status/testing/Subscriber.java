package io.cellpilot.status.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** A plain Paho client that records what arrives, as an operator's dashboard would; reconnects on demand. */
public final class Subscriber implements AutoCloseable {
  /** One received message. */
  public record Received(String topic, byte[] payload, boolean retained, MqttMessage message) {
    public String text() {
      return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final MqttClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final String[] filters;

  public Subscriber(String uri, String id, String... filters) throws MqttException {
    this(uri, id, true, filters);
  }

  public Subscriber(String uri, String id, boolean cleanStart, String... filters) throws MqttException {
    this.client = new MqttClient(uri, id, new MemoryPersistence());
    this.filters = filters;
    connect(cleanStart);
  }

  /** Connects and subscribes; with {@code cleanStart=false} the broker keeps the session (QoS 1 queue) across drops. */
  public void connect(boolean cleanStart) throws MqttException {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(cleanStart);
    if (!cleanStart) {
      options.setSessionExpiryInterval(3600L);
    }
    options.setReceiveMaximum(1000);
    // One callback for everything: a resumed session delivers queued messages before any SUBSCRIBE, and Paho's
    // per-subscription listeners do not let '#' match its parent level.
    client.setCallback(new MqttCallback() {
      @Override
      public void messageArrived(String t, MqttMessage m) {
        received.add(new Received(t, m.getPayload(), m.isRetained(), m));
      }

      @Override
      public void disconnected(MqttDisconnectResponse r) {}

      @Override
      public void mqttErrorOccurred(MqttException e) {}

      @Override
      public void deliveryComplete(IMqttToken token) {}

      @Override
      public void connectComplete(boolean reconnect, String uri) {}

      @Override
      public void authPacketArrived(int reason, MqttProperties properties) {}
    });
    client.connect(options);
    MqttSubscription[] subs = new MqttSubscription[filters.length];
    for (int i = 0; i < filters.length; i++) {
      subs[i] = new MqttSubscription(filters[i], 1);
    }
    client.subscribe(subs);
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  public List<Received> all() {
    return List.copyOf(received);
  }

  public List<Received> matching(Predicate<String> topic) {
    return received.stream().filter(r -> topic.test(r.topic())).toList();
  }

  public List<Received> on(String topic) {
    return matching(topic::equals);
  }

  public void clear() {
    received.clear();
  }

  public void publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException {
    client.publish(topic, payload, qos, retained);
  }

  public MqttClient client() {
    return client;
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
      client.close(true);
    } catch (MqttException e) {
      // closing a test client
    }
  }
}
