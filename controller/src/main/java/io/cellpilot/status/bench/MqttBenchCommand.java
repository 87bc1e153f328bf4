package io.cellpilot.status.bench;

import io.cellpilot.events.InProcessEventBus;
import io.cellpilot.events.PartInspected;
import io.cellpilot.status.EventLog;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.StatusService;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.mqtt.MqttLink;
import io.cellpilot.status.outbox.OutboxConfig;
import io.cellpilot.sim.broker.EmbeddedMqttBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cellpilot bench mqtt}: cell events per second through the outbox to the broker (written to disk, read back,
 * published as the JSON event plus its retained state, QoS 1, acknowledged) against a bare Paho publisher sending the
 * same payloads at the same QoS with the same in-flight window to the same broker, rounds alternating.
 */
@Command(name = "mqtt", mixinStandardHelpOptions = true,
    description = "Events/s through the status outbox to an MQTT broker vs a bare Paho publisher, same run.")
public final class MqttBenchCommand implements Callable<Integer> {

  @Option(names = "--events", defaultValue = "50000", description = "events per round (default ${DEFAULT-VALUE})")
  int events;

  @Option(names = "--rounds", defaultValue = "3", description = "rounds of each, alternating (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--fsync", defaultValue = "INTERVAL",
      description = "outbox fsync policy: ALWAYS, INTERVAL, NEVER (default ${DEFAULT-VALUE})")
  OutboxConfig.FsyncPolicy fsync;

  @Option(names = "--broker", description = "broker URI, e.g. tcp://127.0.0.1:1883 (default: embedded HiveMQ)")
  String brokerUri;

  @Option(names = "--inflight", defaultValue = "500", description = "QoS 1 window, both sides (default ${DEFAULT-VALUE})")
  int inflight;

  @Override
  public Integer call() throws Exception {
    EmbeddedMqttBroker embedded = null;
    String uri = brokerUri;
    if (uri == null) {
      embedded = EmbeddedMqttBroker.builder().build().start();
      uri = embedded.uri();
    }
    Path work = Files.createTempDirectory("cellpilot-bench-");
    try {
      System.out.printf("bench mqtt: %d events x %d rounds, QoS 1, window %d, outbox fsync %s, broker %s%n", events,
          rounds, inflight, fsync, embedded == null ? uri : "embedded HiveMQ " + uri);
      List<Double> bare = new ArrayList<>();
      List<Double> outbox = new ArrayList<>();
      List<PartInspected> payloadSource = sampleEvents(events);
      // Warm-up, not reported: the JIT compiles both paths before anything is measured.
      List<PartInspected> warmUp = payloadSource.subList(0, Math.min(events, 20_000));
      bare(uri, warmUp, -1);
      throughOutbox(uri, warmUp, work.resolve("warm-up"));
      for (int r = 0; r < rounds; r++) {
        bare.add(bare(uri, payloadSource, r));
        outbox.add(throughOutbox(uri, payloadSource, work.resolve("round-" + r)));
        System.out.printf("  round %d: bare Paho %,.0f events/s (%,.0f msg/s)   outbox %,.0f events/s (%,.0f msg/s)%n",
            r + 1, bare.get(r), bare.get(r) * 2, outbox.get(r), outbox.get(r) * 2);
      }
      double b = median(bare);
      double o = median(outbox);
      System.out.printf("median: bare Paho %,.0f events/s, outbox %,.0f events/s = %.0f %% of bare%n", b, o, 100 * o / b);
      System.out.println("(each event is 2 QoS 1 messages on both sides: the event and its retained state topic)");
      return 0;
    } finally {
      if (embedded != null) {
        embedded.close();
      }
      deleteTree(work);
    }
  }

  private List<PartInspected> sampleEvents(int n) {
    List<PartInspected> out = new ArrayList<>(n);
    io.cellpilot.events.EventIds ids = io.cellpilot.events.EventIds.startingNow();
    java.time.Instant t = java.time.Instant.now();
    for (int i = 1; i <= n; i++) {
      out.add(new PartInspected(ids.next(), t.plusMillis(i), String.format("P-%08d", i), PartInspected.Verdict.GOOD,
          null, 0.12, 0.5, "2026.11.3", "9f2c4a0e6b1d3c5a7e9f0b2d4c6a8e0f1b3d5c7a9e1f3b5d7c9a1e3f5b7d9c1e",
          PartInspected.Action.PASS, new io.cellpilot.events.InspectionCounts(i, i, 0, 0)));
    }
    return out;
  }

  /** Baseline: the same two payloads per event straight from memory to Paho, same window, no disk. */
  private double bare(String uri, List<PartInspected> source, int round) throws Exception {
    MqttConfig config = MqttConfig.plain(uri, "bench-bare-" + (round + 1));
    try (MqttLink link = MqttLink.connect(config, "bench-bare-" + (round + 1), null)) {
      Semaphore window = new Semaphore(Math.min(inflight, link.receiveMaximum()));
      AtomicLong acked = new AtomicLong();
      MqttActionListener listener = new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          acked.incrementAndGet();
          window.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          window.release();
        }
      };
      long start = System.nanoTime();
      for (PartInspected e : source) {
        byte[] body = EventLog.encode(e);
        window.acquire();
        link.publish("bench/bare/events/part-inspected", body, 1, false, null, listener);
        window.acquire();
        link.publish("bench/bare/state/inspection", body, 1, true, null, listener);
      }
      window.acquire(Math.min(inflight, link.receiveMaximum()));
      long nanos = System.nanoTime() - start;
      if (acked.get() != 2L * source.size()) {
        throw new IllegalStateException("bare Paho: " + acked.get() + " of " + 2 * source.size() + " acknowledged");
      }
      return source.size() / (nanos / 1e9);
    }
  }

  /** Through the product: bus -> outbox on disk -> JSON publisher -> broker acknowledgements -> cursor. */
  private double throughOutbox(String uri, List<PartInspected> source, Path dir) throws Exception {
    OutboxConfig outboxConfig = OutboxConfig.defaults(dir.resolve("outbox")).withFsync(fsync);
    StatusConfig config = new StatusConfig("bench", "cell", true, false, null, outboxConfig, Duration.ofSeconds(1));
    MqttConfig mqtt = new MqttConfig(uri, "bench-outbox-" + dir.getFileName(), null, null, null, null, null,
        Duration.ofSeconds(10), Duration.ofSeconds(5), inflight);
    InProcessEventBus bus = new InProcessEventBus();
    try (StatusService service = StatusService.start(config, mqtt, bus, null, Clock.systemUTC())) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!service.stats().json().connected()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the status publisher did not connect to " + uri);
        }
        Thread.sleep(10);
      }
      long base = service.stats().json().published();
      long start = System.nanoTime();
      source.forEach(bus::publish);
      long expected = base + 2L * source.size();
      while (service.stats().json().published() < expected) {
        if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
          throw new IllegalStateException("outbox: " + service.stats().json().published() + " of " + expected);
        }
        Thread.sleep(1);
      }
      long nanos = System.nanoTime() - start;
      return source.size() / (nanos / 1e9);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary folder
    }
  }
}
