package io.cellpilot.controller.bench;

import io.cellpilot.opcua.cli.SubscriptionLoadOptions;
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

/** {@code cellpilot bench plc}: PLC values into the cell state vs the OPC UA gateway alone, in one run. */
@Command(name = "plc", mixinStandardHelpOptions = true,
    description = "PLC values/s into the cell state through the controller's wiring vs the gateway alone, one server.")
public final class PlcIngestBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  SubscriptionLoadOptions load;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("PLC values into the cell state: %d items, sampling %d ms, publishing %d ms, queue %d, SecurityPolicy "
            + "None, in-process server on loopback, %d cores; %d s measured per run after %d s warm-up%n", load.items,
        load.samplingMs, load.publishingMs, load.queueSize, Runtime.getRuntime().availableProcessors(), load.seconds,
        load.warmup);
    out.printf("%-12s %5s %16s %12s %8s%n", "path", "round", "values/s", "delivered", "lost");
    out.flush();
    Path work = Files.createTempDirectory("cellpilot-bench-plc-");
    List<PlcIngestBenchmark.Result> results;
    try {
      results = new PlcIngestBenchmark(new PlcIngestBenchmark.Settings(load.items, load.sampling(),
          load.publishing(), load.queueSize, load.warmupDuration(), load.measured(), load.rounds), work).run();
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    results.forEach(PlcIngestBenchmark.printer(out));
    double gateway = mean(results, "gateway");
    double cell = mean(results, "cell state");
    out.printf("mean: gateway %,.0f/s, cell state %,.0f/s = %.1f %% of the gateway alone; lost %d vs %d%n", gateway,
        cell, 100 * cell / gateway, lost(results, "gateway"), lost(results, "cell state"));
    out.printf("expected at full rate: %,.0f/s (items x 1000 / sampling ms)%n",
        load.items * 1000.0 / load.samplingMs);
    return 0;
  }

  private static double mean(List<PlcIngestBenchmark.Result> results, String path) {
    return results.stream().filter(r -> r.path().equals(path)).mapToDouble(PlcIngestBenchmark.Result::perSecond)
        .average().orElse(Double.NaN);
  }

  private static long lost(List<PlcIngestBenchmark.Result> results, String path) {
    return results.stream().filter(r -> r.path().equals(path)).mapToLong(PlcIngestBenchmark.Result::lost).sum();
  }
}
