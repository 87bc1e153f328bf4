package io.cellpilot.controller.bench;

import io.cellpilot.controller.bench.IngestBenchmark.Round;
import io.cellpilot.sim.broker.EmbeddedMqttBroker;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cellpilot bench ingest}: MQTT ingest throughput against a bare Paho subscriber, in one run. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Sensor messages per second through MQTT ingest into the cell state vs a bare Paho subscriber.")
public final class IngestBenchCommand implements Callable<Integer> {

  @Option(names = "--messages", defaultValue = "60000", description = "messages per round (default ${DEFAULT-VALUE})")
  int messages;

  @Option(names = "--rounds", defaultValue = "5", description = "rounds of each subscriber (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--publishers", defaultValue = "3", description = "publishing connections (default ${DEFAULT-VALUE})")
  int publishers;

  @Option(names = "--machines", defaultValue = "50", description = "distinct sensor topics (default ${DEFAULT-VALUE})")
  int machines;

  @Option(names = "--broker", description = "an existing broker URL; default: an embedded HiveMQ on a free port")
  URI broker;

  @Override
  public Integer call() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    EmbeddedMqttBroker embedded = null;
    try {
      if (broker == null) {
        embedded = EmbeddedMqttBroker.builder().maxQueuedMessages(Math.max(100_000, messages * 2L)).build().start();
        broker = URI.create(embedded.uri());
      }
      IngestBenchmark bench = new IngestBenchmark(broker, messages, publishers, machines, scheduler);
      System.out.printf(Locale.ROOT, "cellpilot bench ingest: %d messages x %d rounds, %d publishers, %d topics, "
          + "QoS 1, broker %s%n", messages, rounds, publishers, machines, broker);
      System.out.println("warm-up ...");
      bench.bare();
      bench.ingest();
      List<Round> bare = new ArrayList<>();
      List<Round> ingest = new ArrayList<>();
      System.out.printf(Locale.ROOT, "%-18s %10s %10s %12s %14s%n", "subscriber", "received", "lost", "msg/s",
          "published/s");
      for (int r = 0; r < rounds; r++) {
        // Alternate so that both subscribers see the same background load on a shared machine.
        Round b = bench.bare();
        Round i = bench.ingest();
        bare.add(b);
        ingest.add(i);
        print(b);
        print(i);
      }
      double bareMedian = median(bare);
      double ingestMedian = median(ingest);
      System.out.printf(Locale.ROOT, "median: bare %.0f msg/s, ingest %.0f msg/s, ingest/bare = %.0f %%%n",
          bareMedian, ingestMedian, 100 * ingestMedian / bareMedian);
      System.out.printf(Locale.ROOT, "decoder + cell state alone (one thread, no network): %.0f msg/s%n",
          bench.decodeOnly(500_000));
      return 0;
    } finally {
      scheduler.shutdownNow();
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private static void print(Round r) {
    System.out.printf(Locale.ROOT, "%-18s %10d %10d %12.0f %14.0f%n", r.subscriber(), r.received(),
        r.expected() - r.received(), r.rate(), r.publishRate());
  }

  private static double median(List<Round> rounds) {
    double[] rates = rounds.stream().mapToDouble(Round::rate).sorted().toArray();
    return rates[rates.length / 2];
  }
}
