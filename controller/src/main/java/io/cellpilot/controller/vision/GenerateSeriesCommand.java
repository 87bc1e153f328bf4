package io.cellpilot.controller.vision;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.config.Durations;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.config.SimConfigLoader;
import io.cellpilot.sim.faults.FaultRecord;
import io.cellpilot.sim.faults.ScenarioReader;
import io.cellpilot.sim.faults.ScheduledFault;
import io.cellpilot.sim.machines.MachineId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cellpilot generate-series}: the simulated machines' health-sensor history as CSV files, for training and
 * judging health models ({@code cellpilot train --kind health}, {@code cellpilot score}) without a line.
 */
@Command(name = "generate-series", mixinStandardHelpOptions = true,
    description = {
        "Writes the simulated machines' health sensors (vibration RMS, motor current, bearing temperature) as",
        "<machine>.csv (timestamp,vibration,current,bearing-temperature) and the faults it injected as faults.csv.",
        "The simulator's model runs at full speed; the same configuration and seed write the same files."})
public final class GenerateSeriesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the CSV files to")
  Path out;

  @Option(names = "--config", paramLabel = "FILE", description = "simulator configuration, e.g. deploy/sim.yml "
      + "(default: the simulator's defaults)")
  Path config;

  @Option(names = "--scenario", paramLabel = "FILE", description = "faults to inject (a scenario file with 'faults')")
  Path scenario;

  @Option(names = "--no-faults", description = "leave out the configuration's own faults (a --scenario still applies)")
  boolean noFaults;

  @Option(names = "--seed", description = "seed (default: the configuration's)")
  Long seed;

  @Option(names = "--channels", split = ",", paramLabel = "CHANNEL",
      description = "columns to write, in this order (default: vibration,current,bearing-temperature)")
  List<String> channels;

  @Option(names = "--duration", defaultValue = "1h", description = "simulated time, e.g. 90m, 3h (default 1h)")
  String duration;

  @Option(names = "--reject-hold", defaultValue = "5s",
      description = "how long the belt stands still for each defective part's reject pick (default 5s)")
  String rejectHold;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      SimConfig.Builder builder = config == null ? SimConfig.builder() : SimConfigLoader.loadBuilder(config);
      if (seed != null) {
        builder.seed(seed);
      }
      SimConfig sim = builder.build();
      List<ScheduledFault> faults = new ArrayList<>(
          noFaults ? List.of() : sim.faults());
      if (scenario != null) {
        faults.addAll(new ScenarioReader(sim.sensors().machines()).readFile(scenario));
      }
      sim = new SimConfig(sim.seed(), sim.time(), sim.plc(), sim.mqtt(), sim.line(), sim.camera(), sim.sensors(),
          sim.meters(), sim.safety(), sim.cobot(), faults);
      List<String> columns = channels == null ? SensorSeries.CHANNELS : channels;
      Duration length = duration("--duration", duration);
      long t0 = System.nanoTime();
      SensorSeries.Series series = SensorSeries.generate(sim, length, duration("--reject-hold", rejectHold));
      Map<MachineId, Path> files = series.write(out, columns);
      PrintWriter o = spec.commandLine().getOut();
      files.forEach((m, f) -> o.printf("wrote %s: %d samples of %s%n", f, series.rows().get(m).size(), m.key()));
      for (FaultRecord f : series.faults()) {
        o.printf("fault %s on %s from %s%s%n", f.kind(), f.target(), f.simStart(),
            f.simEnd() == null ? "" : " to " + f.simEnd());
      }
      o.printf("seed %d, %s of simulated time in %.1f s%n", sim.seed(), length, (System.nanoTime() - t0) / 1e9);
      o.flush();
      return 0;
    } catch (SimException | IllegalArgumentException | java.io.UncheckedIOException e) {
      err.println("cellpilot generate-series: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  private static Duration duration(String option, String text) {
    Duration d = Durations.parse(text).orElseThrow(() -> new IllegalArgumentException(option
        + " must be a duration such as 90s, 30m or 3h, was " + text));
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(option + " must be positive, was " + text);
    }
    return d;
  }
}
