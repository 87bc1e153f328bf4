package io.cellpilot.opcua.cli;

import io.cellpilot.opcua.bench.NotificationBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cellpilot bench opcua}: gateway vs bare Milo notification throughput and loss, in one run. */
@Command(name = "opcua", mixinStandardHelpOptions = true,
    description = "Notifications/s delivered to listeners through the gateway vs a bare Milo client, same server.")
public final class OpcUaBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  SubscriptionLoadOptions load;

  @Option(names = "--secure", description = "Basic256Sha256 SignAndEncrypt instead of SecurityPolicy None")
  boolean secure;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    NotificationBenchmark.Settings settings = new NotificationBenchmark.Settings(load.items, load.sampling(),
        load.publishing(), load.queueSize, load.warmupDuration(), load.measured(), load.rounds,
        secure);
    out.printf("OPC UA notifications: %d items, sampling %d ms, publishing %d ms, queue %d, %s, in-process server on"
            + " loopback, %d cores; %d s measured per run after %d s warm-up%n", load.items, load.samplingMs,
        load.publishingMs, load.queueSize, secure ? "Basic256Sha256/SignAndEncrypt" : "SecurityPolicy None",
        Runtime.getRuntime().availableProcessors(), load.seconds, load.warmup);
    out.flush();
    Path work = Files.createTempDirectory("cellpilot-bench-");
    List<NotificationBenchmark.Result> results;
    try {
      results = new NotificationBenchmark(settings, work).run();
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    out.printf("%-12s %5s %16s %12s %8s%n", "client", "round", "notifications/s", "delivered", "lost");
    for (NotificationBenchmark.Result r : results) {
      out.printf("%-12s %5d %,16.0f %,12d %,8d%n", r.client(), r.round(), r.perSecond(), r.delivered(), r.lost());
    }
    double bare = mean(results, "bare Milo");
    double gateway = mean(results, "gateway");
    long lostBare = results.stream().filter(r -> r.client().equals("bare Milo")).mapToLong(r -> r.lost()).sum();
    long lostGateway = results.stream().filter(r -> r.client().equals("gateway")).mapToLong(r -> r.lost()).sum();
    out.printf("expected %,.0f/s (items x 1000 / sampling ms); bare %,.0f/s, gateway %,.0f/s = %.1f %% of bare;"
        + " lost: bare %d, gateway %d%n", load.items * 1000.0 / load.samplingMs, bare, gateway, 100 * gateway / bare,
        lostBare, lostGateway);
    return 0;
  }

  private static double mean(List<NotificationBenchmark.Result> results, String client) {
    return results.stream().filter(r -> r.client().equals(client)).mapToDouble(r -> r.perSecond()).average()
        .orElse(Double.NaN);
  }
}
