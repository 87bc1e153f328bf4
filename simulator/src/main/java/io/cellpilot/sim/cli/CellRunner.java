package io.cellpilot.sim.cli;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.SimulatedCell;
import io.cellpilot.sim.config.Durations;
import io.cellpilot.sim.config.SimConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a simulated cell in the foreground for a command line: prints its endpoints, then a one-line summary every
 * few seconds, until Ctrl-C (a shutdown hook stops the cell cleanly) or until {@code stopAfter} of simulated time.
 */
public final class CellRunner {

  private CellRunner() {}

  /** Parses a command-line duration such as {@code 5s} or {@code 10m}; the error names the option. */
  public static Duration duration(String option, String text) {
    return Durations.parse(text).filter(d -> !d.isNegative() && !d.isZero()).orElseThrow(() -> new SimException(
        SimException.Code.INVALID_CONFIG, option + " must be a duration like 5s or 10m, was \"" + text + "\""));
  }

  /** Runs until interrupted or until {@code stopAfter} (null: no limit) has been simulated. */
  public static void run(SimConfig config, PrintWriter out, Duration summaryEvery, Duration stopAfter)
      throws InterruptedException {
    long t0 = System.nanoTime();
    SimulatedCell cell = SimulatedCell.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Thread hook = new Thread(() -> {
      stopping.set(true);
      out.println("stopping the simulated cell ...");
      out.flush();
      cell.close();
      stopped.countDown();
    }, "cellpilot-sim-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    out.printf("simulated cell running (seed %d, time x%s, started in %d ms); Ctrl-C stops it%n", config.seed(),
        config.time().scale(), (System.nanoTime() - t0) / 1_000_000);
    cell.endpoints().describe().forEach(line -> out.println("  " + line));
    out.flush();
    while (!stopped.await(summaryEvery.toMillis(), TimeUnit.MILLISECONDS)) {
      if (stopping.get()) {
        continue;
      }
      out.println(cell.stats().summary());
      out.flush();
      if (stopAfter != null && cell.clock().elapsed().compareTo(stopAfter) >= 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
        hook.run();
      }
    }
  }
}
