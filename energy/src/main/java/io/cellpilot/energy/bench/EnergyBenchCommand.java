package io.cellpilot.energy.bench;

import io.cellpilot.energy.EnergyConfig;
import io.cellpilot.energy.EnergyEngine;
import io.cellpilot.energy.attribution.LineState;
import io.cellpilot.energy.attribution.ShiftCalendar;
import io.cellpilot.energy.carbon.EmissionFactorTable;
import io.cellpilot.energy.carbon.Scope2Calculator;
import io.cellpilot.energy.meter.MeterKind;
import io.cellpilot.energy.meter.MeterLimits;
import io.cellpilot.energy.record.PartEnergy;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cellpilot bench energy}: meter samples per second through the integrators and the attribution (parts,
 * shifts, idle, carbon) against a bare loop that sums the same samples with the trapezoid rule, both in the same run,
 * alternating rounds, so a loaded machine slows both alike.
 */
@Command(name = "energy", mixinStandardHelpOptions = true,
    description = "Meter samples/s through CellPilot's energy engine vs a bare summing loop (same run).")
public final class EnergyBenchCommand implements Callable<Integer> {

  @Option(names = "--samples", defaultValue = "2000000", description = "samples per round (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(names = "--rounds", defaultValue = "7", description = "measured rounds of each (default: ${DEFAULT-VALUE})")
  int rounds;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** One round's input: 3 meters sampled in turn every 100 ms, a part every 2 s, the line stopping now and then. */
  record Workload(String[] meter, Instant[] time, double[] value, Instant start) {
    static Workload of(int n) {
      String[] meters = {"main", "press", "robot"};
      String[] m = new String[n];
      Instant[] t = new Instant[n];
      double[] v = new double[n];
      Instant start = Instant.parse("2026-11-22T05:00:00Z");
      double counter = 1000;
      for (int i = 0; i < n; i++) {
        int k = i % 3;
        long ms = (i / 3) * 100L;
        m[i] = meters[k];
        t[i] = start.plusMillis(ms + k);
        double s = ms / 1000.0;
        double press = 1.2 + ((s % 2.0) < 0.6 ? 7.5 : 0);
        if (k == 0) {
          counter += (press + 1.6) * 0.1 / 3600;
          v[i] = counter;
        } else {
          v[i] = k == 1 ? press : 0.12 + ((s % 10) < 3 ? 0.4 : 0);
        }
      }
      return new Workload(m, t, v, start);
    }
  }

  static EnergyEngine engine(long[] parts) {
    ShiftCalendar cal = ShiftCalendar.parse(List.of("06:00", "14:00", "22:00"), "Asia/Shanghai", "s", "z");
    EnergyConfig config = new EnergyConfig(Map.of(
        "main", new EnergyConfig.Meter(MeterKind.COUNTER, new MeterLimits(100, Duration.ofSeconds(10), 0), false),
        "press", new EnergyConfig.Meter(MeterKind.POWER, new MeterLimits(50, Duration.ofSeconds(5), 0), false),
        "robot", new EnergyConfig.Meter(MeterKind.POWER, new MeterLimits(5, Duration.ofSeconds(5), 0), false)),
        "main", "robot", cal, Duration.ofSeconds(2), 3.0, Duration.ofMinutes(5), Duration.ofSeconds(30), 8192);
    Scope2Calculator s2 = new Scope2Calculator(EmissionFactorTable.shipped().require("cn-south-2022", "k"), 0.3869,
        List.of());
    return new EnergyEngine(config, s2, new EnergyEngine.Listener() {
      @Override
      public void partEnergy(PartEnergy p) {
        parts[0]++;
      }
    });
  }

  /** The engine fed every sample, a part every 20 samples (2 s), the line stopping for 1 minute each hour. */
  static double runEngine(Workload w, long[] parts) {
    EnergyEngine e = engine(parts);
    long count = 0;
    e.lineState(w.start(), LineState.RUNNING);
    for (int i = 0; i < w.time().length; i++) {
      e.meterSample(w.meter()[i], w.time()[i], w.value()[i]);
      if (i % 60 == 0) {
        e.partCount(w.time()[i], ++count);
      }
      if (i % 108_000 == 0 && i > 0) {
        e.lineState(w.time()[i], LineState.STOPPED);
      } else if (i % 108_000 == 1_800 && i > 1_800) {
        e.lineState(w.time()[i], LineState.RUNNING);
      }
    }
    return e.meters().stream().mapToDouble(EnergyEngine.MeterStatus::totalKwh).sum();
  }

  /** The baseline: the same samples summed per meter (counter differences, trapezoid for power), nothing else. */
  static double runBare(Workload w) {
    double[] lastV = new double[3];
    long[] lastT = new long[3];
    double sum = 0;
    for (int i = 0; i < w.time().length; i++) {
      int k = i % 3;
      long t = w.time()[i].getEpochSecond() * 1_000_000_000L + w.time()[i].getNano();
      double v = w.value()[i];
      if (lastT[k] != 0) {
        sum += k == 0 ? v - lastV[k] : (v + lastV[k]) * 0.5 * (t - lastT[k]) / 3.6e12;
      }
      lastT[k] = t;
      lastV[k] = v;
    }
    return sum;
  }

  @Override
  public Integer call() {
    Workload w = Workload.of(samples);
    double[] engineRate = new double[rounds];
    double[] bareRate = new double[rounds];
    long[] parts = new long[1];
    double check = 0;
    for (int r = -2; r < rounds; r++) { // two warm-up rounds
      long t0 = System.nanoTime();
      double a = runEngine(w, parts);
      long t1 = System.nanoTime();
      double b = runBare(w);
      long t2 = System.nanoTime();
      if (r >= 0) {
        engineRate[r] = samples / ((t1 - t0) / 1e9);
        bareRate[r] = samples / ((t2 - t1) / 1e9);
        check = Math.abs(a - b) / b;
      }
    }
    Arrays.sort(engineRate);
    Arrays.sort(bareRate);
    double e = engineRate[rounds / 2];
    double b = bareRate[rounds / 2];
    var out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "energy bench: %d samples per round (3 meters at 10 Hz = %.1f h of a cell), %d rounds, "
        + "medians%n", samples, samples / 3.0 / 10 / 3600, rounds);
    out.printf(Locale.ROOT, "  engine (integrate + attribute parts, shifts, idle, carbon): %,.0f samples/s%n", e);
    out.printf(Locale.ROOT, "  bare loop (sum the same samples):                          %,.0f samples/s%n", b);
    out.printf(Locale.ROOT, "  engine / bare: %.3f; energy totals agree within %.2e; parts attributed per round: %d%n",
        e / b, check, parts[0] / (rounds + 2));
    out.printf(Locale.ROOT, "  a cell of 10 meters at 10 Hz needs 100 samples/s: %.0fx headroom%n", e / 100);
    return 0;
  }
}
