package io.cellpilot.controller.bench;

import io.cellpilot.controller.ingest.MqttEndpoint;
import io.cellpilot.controller.ingest.MqttIngestSource;
import io.cellpilot.controller.ingest.NoDelaySocketFactory;
import io.cellpilot.controller.ingest.TopicMapping;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagMaxAges;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Sensor messages per second through MQTT ingest into the cell state, against a bare Paho subscriber that only counts,
 * on the same broker with the same publishers, alternating rounds so that both see the same machine load.
 */
public final class IngestBenchmark {
  static final String FILTER = "bench/+/vibration";

  /** One measured round. */
  public record Round(String subscriber, long received, long expected, double seconds, double publishRate) {
    double rate() {
      return received / seconds;
    }
  }

  private final URI broker;
  private final int messages;
  private final int publishers;
  private final int machines;
  private final ScheduledExecutorService scheduler;

  public IngestBenchmark(URI broker, int messages, int publishers, int machines,
      ScheduledExecutorService scheduler) {
    this.broker = broker;
    this.messages = messages;
    this.publishers = publishers;
    this.machines = machines;
    this.scheduler = scheduler;
  }

  /** A bare Paho v5 subscriber with the same socket factory, counting messages in its callback. */
  public Round bare() throws Exception {
    AtomicLong count = new AtomicLong();
    AtomicLong first = new AtomicLong();
    AtomicLong last = new AtomicLong();
    MqttAsyncClient client = new MqttAsyncClient(broker.toString(), "bench-bare-" + System.nanoTime(),
        new MemoryPersistence());
    client.setCallback(new MqttCallback() {
      @Override
      public void messageArrived(String topic, MqttMessage message) {
        long now = System.nanoTime();
        first.compareAndSet(0, now);
        last.set(now);
        count.incrementAndGet();
      }

      @Override
      public void disconnected(MqttDisconnectResponse r) {}

      @Override
      public void mqttErrorOccurred(MqttException e) {}

      @Override
      public void deliveryComplete(IMqttToken t) {}

      @Override
      public void connectComplete(boolean reconnect, String uri) {}

      @Override
      public void authPacketArrived(int code, MqttProperties p) {}
    });
    client.connect(options()).waitForCompletion(10_000);
    client.subscribe(new MqttSubscription[] {new MqttSubscription(FILTER, 1)}).waitForCompletion(10_000);
    try {
      double publishRate = publish();
      awaitCount(count::get);
      return new Round("bare Paho", count.get(), messages, (last.get() - first.get()) / 1e9, publishRate);
    } finally {
      client.disconnect().waitForCompletion(5_000);
      client.close();
    }
  }

  /** CellPilot's MQTT ingest: routing, JSON decoding, timestamps, and the write into the cell state. */
  public Round ingest() throws Exception {
    AtomicLong count = new AtomicLong();
    AtomicLong first = new AtomicLong();
    AtomicLong last = new AtomicLong();
    CellState state = new CellState(Clock.systemUTC(), new TagMaxAges(Duration.ofSeconds(10)));
    state.addListener(v -> {
      long now = System.nanoTime();
      first.compareAndSet(0, now);
      last.set(now);
      count.incrementAndGet();
    });
    MqttIngestSource source = new MqttIngestSource("bench", new MqttEndpoint(broker,
        "bench-ingest-" + System.nanoTime(), null, null), List.of(mapping()), 1, Clock.systemUTC(), scheduler);
    source.start(state);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!source.connection().connected()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("ingest did not connect: " + source.connection().detail());
      }
      Thread.onSpinWait();
    }
    try {
      double publishRate = publish();
      awaitCount(count::get);
      if (source.stats().malformed() > 0) {
        throw new IllegalStateException("benchmark messages were refused: " + source.stats().malformedByTopic());
      }
      return new Round("CellPilot ingest", count.get(), messages, (last.get() - first.get()) / 1e9, publishRate);
    } finally {
      source.close();
    }
  }

  /** The decoder and cell state alone, on this thread, without a broker: the headroom above the network. */
  public double decodeOnly(int n) {
    CellState state = new CellState(Clock.systemUTC(), new TagMaxAges(Duration.ofSeconds(10)));
    MqttIngestSource source = new MqttIngestSource("bench", new MqttEndpoint(broker, "unused", null, null),
        List.of(mapping()), 1, Clock.systemUTC(), scheduler);
    List<byte[]> batch = new ArrayList<>();
    for (int i = 0; i < machines; i++) {
      batch.add(payload(i));
    }
    source.attach(state);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      int m = i % machines;
      source.decode("bench/m" + m + "/vibration", batch.get(m), Instant.now());
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  static TopicMapping mapping() {
    return new TopicMapping("vibration", FILTER, "/value", TopicMapping.ValueKind.NUMBER, "{1}.vibration",
        "/timestamp", Duration.ofSeconds(10));
  }

  private static byte[] payload(int i) {
    return ("{\"timestamp\":\"" + Instant.now() + "\",\"value\":" + (2.0 + i * 0.01) + ",\"unit\":\"mm/s\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Publishes the messages from several connections at once; returns the publishers' combined rate. */
  private double publish() throws Exception {
    List<Thread> threads = new ArrayList<>();
    List<Exception> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    long start = System.nanoTime();
    for (int p = 0; p < publishers; p++) {
      int share = messages / publishers + (p < messages % publishers ? 1 : 0);
      int id = p;
      Thread t = new Thread(() -> {
        try {
          publish(id, share);
        } catch (Exception e) {
          errors.add(e);
        }
      }, "bench-publisher-" + p);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (!errors.isEmpty()) {
      throw errors.get(0);
    }
    return messages / ((System.nanoTime() - start) / 1e9);
  }

  private void publish(int id, int count) throws Exception {
    MqttAsyncClient client = new MqttAsyncClient(broker.toString(), "bench-pub-" + id + "-" + System.nanoTime(),
        new MemoryPersistence());
    MqttConnectionOptions options = options();
    client.connect(options).waitForCompletion(10_000);
    List<IMqttToken> window = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int machine = (id * 7919 + i) % machines;
      MqttMessage message = new MqttMessage(payload(machine));
      message.setQos(1);
      window.add(send(client, "bench/m" + machine + "/vibration", message, window));
      // Paho allows a bounded number of QoS 1 messages in flight; wait for the window before the next batch.
      if (window.size() == 200) {
        for (IMqttToken t : window) {
          t.waitForCompletion(30_000);
        }
        window.clear();
      }
    }
    for (IMqttToken t : window) {
      t.waitForCompletion(30_000);
    }
    client.disconnect().waitForCompletion(5_000);
    client.close();
  }

  /** Publishes; when Paho's in-flight count has not caught up with completed tokens yet, waits and retries. */
  private static IMqttToken send(MqttAsyncClient client, String topic, MqttMessage message, List<IMqttToken> window)
      throws MqttException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return client.publish(topic, message);
      } catch (MqttException e) {
        if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt > 1000) {
          throw e;
        }
        for (IMqttToken t : window) {
          t.waitForCompletion(30_000);
        }
        window.clear();
        Thread.sleep(1);
      }
    }
  }

  private void awaitCount(LongSupplier count) throws InterruptedException {
    long lastSeen = -1;
    long quietSince = System.nanoTime();
    while (count.getAsLong() < messages) {
      long now = count.getAsLong();
      if (now != lastSeen) {
        lastSeen = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(5)) {
        return; // messages were lost; the round reports how many arrived
      }
      Thread.sleep(5);
    }
  }

  private static MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setSocketFactory(new NoDelaySocketFactory());
    options.setReceiveMaximum(65_535);
    return options;
  }
}
