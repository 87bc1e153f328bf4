package io.cellpilot.sim.broker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

class EmbeddedMqttBrokerTest {

  @Test
  void deliversRetainedAndLiveMessagesAndRestartsOnTheSamePort() throws Exception {
    try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().build().start()) {
      publish(broker.uri(), "t/state", "one", true);

      List<String> received = new CopyOnWriteArrayList<>();
      MqttClient sub = connect(broker.uri(), "sub");
      // Paho v5 1.2.5: subscribe(String, int, IMqttMessageListener) recurses forever; use the array form.
      IMqttMessageListener listener =
          (topic, msg) -> received.add(topic + "=" + new String(msg.getPayload(), StandardCharsets.UTF_8));
      sub.subscribe(new MqttSubscription[] {new MqttSubscription("t/#", 1)}, new IMqttMessageListener[] {listener});
      publish(broker.uri(), "t/event", "two", false);
      await().atMost(10, SECONDS).until(() -> received.size() == 2);
      assertEquals(List.of("t/state=one", "t/event=two"), received);
      sub.disconnect();
      sub.close();

      int port = broker.port();
      broker.stop();
      broker.start();
      assertEquals(port, broker.port());
      publish(broker.uri(), "t/again", "three", false);
    }
  }

  private static void publish(String uri, String topic, String payload, boolean retained) throws Exception {
    MqttClient client = connect(uri, "pub-" + topic.replace('/', '-'));
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    client.disconnect();
    client.close();
  }

  private static MqttClient connect(String uri, String id) throws Exception {
    MqttClient client = new MqttClient(uri, id, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    client.connect(options);
    return client;
  }
}
