package io.cellpilot.controller.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cellpilot bench reject-loop}: image published -> robot command received, in the whole simulated cell. */
@Command(name = "reject-loop", mixinStandardHelpOptions = true,
    description = {"The whole cell (as 'demo' runs it, default models): image published -> decision -> first robot"
        + " program at the robot, p50/p99, with bare Paho delivering the same image on the same broker."})
public final class RejectLoopBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--rejects", defaultValue = "20", description = "rejects to measure (default ${DEFAULT-VALUE})")
  int rejects;

  @Option(names = "--timeout", defaultValue = "300", description = "give up after seconds (default ${DEFAULT-VALUE})")
  long timeoutSeconds;

  @Option(names = "--defect-rate", defaultValue = "0.4", description = "simulated defect rate (default ${DEFAULT-VALUE})")
  double defectRate;

  @Option(names = "--seed", defaultValue = "5", description = "simulator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--time-scale", defaultValue = "2",
      description = "simulated seconds per second: the belt (default ${DEFAULT-VALUE}); the robot moves in real time")
  double timeScale;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path home = Path.of(System.getenv().getOrDefault("CELLPILOT_HOME", ".")).toAbsolutePath().normalize();
    Path data = Files.createTempDirectory("cellpilot-bench-loop-");
    out.printf("reject loop: the whole simulated cell on loopback (deploy/sim.yml, deploy/cellpilot-sim.yml, default"
        + " models), %d cores; waiting for %d rejects decided while the robot is idle ...%n",
        Runtime.getRuntime().availableProcessors(), rejects);
    out.flush();
    // Parts 1 m apart at 0.2 m/s: one every 5 simulated seconds, so a reject usually finds the robot idle.
    RejectLoopBenchmark.Result r = new RejectLoopBenchmark(new RejectLoopBenchmark.Settings(rejects,
        Duration.ofSeconds(timeoutSeconds), seed, timeScale, defectRate, 1.0), home, data).run();
    List<RejectLoopBenchmark.Loop> loops = r.loops();
    out.printf("cell started in %d ms; %d rejects measured, %d skipped (robot busy with an earlier pick), %d s%n",
        r.startMillis(), loops.size(), r.skippedBusy(), r.wallMillis() / 1000);
    out.printf("%-48s %9s %9s %9s%n", "path", "p50 ms", "p99 ms", "max ms");
    row(out, "bare Paho: image publish -> subscriber", r.bareMqttNanos());
    row(out, "image at subscriber -> controller decision", nanos(loops,
        RejectLoopBenchmark.Loop::imageToDecisionNanos));
    if (!Double.isNaN(r.modelMillis()[0])) {
      out.printf("%-48s %9.1f %9.1f %9s%n", "  of which the model (engine: submit -> verdict)", r.modelMillis()[0],
          r.modelMillis()[1], "");
    }
    row(out, "decision -> part held at pick (belt travel, PLC)", nanos(loops,
        RejectLoopBenchmark.Loop::decisionToHeldNanos));
    row(out, "part held -> first robot program at the robot", nanos(loops,
        RejectLoopBenchmark.Loop::heldToRobotNanos));
    row(out, "reject loop: image -> robot program", nanos(loops, RejectLoopBenchmark.Loop::totalNanos));
    if (loops.isEmpty()) {
      out.println("no reject was measured: is the default inspection model in deploy/models?");
      return 1;
    }
    return 0;
  }

  private static long[] nanos(List<RejectLoopBenchmark.Loop> loops, ToLongFunction<RejectLoopBenchmark.Loop> f) {
    return loops.stream().mapToLong(f).toArray();
  }

  private static void row(PrintWriter out, String path, long[] nanos) {
    if (nanos.length == 0) {
      out.printf("%-48s %9s %9s %9s%n", path, "-", "-", "-");
      return;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    out.printf("%-48s %9.1f %9.1f %9.1f%n", path, pct(sorted, 0.50) / 1e6, pct(sorted, 0.99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
    out.flush();
  }

  private static long pct(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
