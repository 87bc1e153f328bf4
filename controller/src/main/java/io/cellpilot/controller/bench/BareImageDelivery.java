package io.cellpilot.controller.bench;

import io.cellpilot.controller.ingest.NoDelaySocketFactory;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** The baseline: bare Paho publishing an image and a bare Paho subscriber receiving it, on the same broker. */
final class BareImageDelivery {
  private BareImageDelivery() {}

  /** Publishes {@code payload} {@code count} times at QoS 1, one at a time; nanoseconds from publish to receipt. */
  static long[] measure(String broker, byte[] payload, int count) throws Exception {
    String topic = "cellpilot-bench/bare-image/" + ProcessHandle.current().pid();
    SynchronousQueue<Long> arrivals = new SynchronousQueue<>();
    try (Client subscriber = Client.connect(broker, "cellpilot-bench-bare-sub");
        Client publisher = Client.connect(broker, "cellpilot-bench-bare-pub")) {
      MqttClient sub = subscriber.paho();
      MqttClient pub = publisher.paho();
      sub.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)},
          new IMqttMessageListener[] {(t, m) -> arrivals.put(System.nanoTime())});
      long[] nanos = new long[count];
      for (int i = -10; i < count; i++) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        long t0 = System.nanoTime();
        pub.publish(topic, message);
        Long at = arrivals.poll(5, TimeUnit.SECONDS);
        if (at == null) {
          throw new IllegalStateException("bare Paho: an image was not delivered within 5 s on " + topic);
        }
        if (i >= 0) {
          nanos[i] = at - t0;
        }
      }
      return nanos;
    }
  }

  /** A connected Paho client that try-with-resources disconnects and closes. */
  record Client(MqttClient paho) implements AutoCloseable {
    static Client connect(String uri, String id) throws Exception {
      MqttClient client = new MqttClient(uri, id + "-" + ProcessHandle.current().pid(), new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      // As the controller's own clients: without TCP_NODELAY a QoS 1 publish waits out delayed ACKs (pitfall 3).
      options.setSocketFactory(new NoDelaySocketFactory());
      client.connect(options);
      return new Client(client);
    }

    @Override
    public void close() throws Exception {
      if (paho.isConnected()) {
        paho.disconnect();
      }
      paho.close();
    }
  }
}
