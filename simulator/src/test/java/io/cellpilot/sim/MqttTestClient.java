package io.cellpilot.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** A real Paho v5 subscriber that keeps every message it receives. */
public final class MqttTestClient implements AutoCloseable {

  /** One received message. */
  public record Received(String topic, MqttMessage message) {
    public String text() {
      return new String(message.getPayload(), StandardCharsets.UTF_8);
    }

    public String userProperty(String key) {
      return message.getProperties().getUserProperties().stream().filter(p -> p.getKey().equals(key))
          .map(p -> p.getValue()).findFirst().orElse(null);
    }
  }

  private final MqttClient client;
  public final List<Received> received = new CopyOnWriteArrayList<>();

  public MqttTestClient(String uri, String filter) throws Exception {
    client = new MqttClient(uri, "test-subscriber-" + System.nanoTime(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options);
    // Paho v5 1.2.5: subscribe(String, int, IMqttMessageListener) recurses forever; use the array form.
    IMqttMessageListener listener = (topic, message) -> received.add(new Received(topic, message));
    client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}, new IMqttMessageListener[] {listener});
  }

  public List<Received> on(String topic) {
    return received.stream().filter(r -> r.topic().equals(topic)).toList();
  }

  public List<Received> matching(Predicate<Received> p) {
    return received.stream().filter(p).toList();
  }

  /** Disconnects; safe to call twice. */
  @Override
  public synchronized void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    client.disconnect();
    client.close();
  }

  private boolean closed;
}
