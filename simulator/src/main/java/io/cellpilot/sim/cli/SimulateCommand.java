package io.cellpilot.sim.cli;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.config.SimConfigLoader;
import io.cellpilot.sim.faults.ScenarioReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cellpilot simulate}: the simulated work cell on its own, configured by a YAML file. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the simulated work cell: a PLC (OPC UA), health sensors, power meters and a camera (MQTT).",
        "Prints the endpoints it opened, then a summary line every few seconds; Ctrl-C stops it."})
public final class SimulateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see deploy/sim.yml); "
      + "without it the defaults apply (PLC on 4840, embedded broker on 1883).")
  Path config;

  @Option(names = "--scenario", paramLabel = "FILE", description = "Scenario file whose faults are added.")
  Path scenario;

  @Option(names = "--seed", paramLabel = "N", description = "Overrides seed.")
  Long seed;

  @Option(names = "--time-scale", paramLabel = "X", description = "Overrides time.scale (10 = ten times faster).")
  Double timeScale;

  @Option(names = "--duration", paramLabel = "DURATION",
      description = "Stops after this much simulated time, e.g. 10m (default: until Ctrl-C).")
  String duration;

  @Option(names = "--summary-every", paramLabel = "DURATION", defaultValue = "5s",
      description = "Wall-clock interval of the summary line (default: ${DEFAULT-VALUE}).")
  String summaryEvery;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      SimConfig.Builder builder = config == null ? SimConfig.builder() : SimConfigLoader.loadBuilder(config);
      if (seed != null) {
        builder.seed(seed);
      }
      if (timeScale != null) {
        builder.time(t -> t.scale(timeScale));
      }
      SimConfig built = builder.build();
      if (scenario != null) {
        builder.faults(new ScenarioReader(built.sensors().machines()).readFile(scenario));
        built = builder.build();
      }
      CellRunner.run(built, out, CellRunner.duration("--summary-every", summaryEvery),
          duration == null ? null : CellRunner.duration("--duration", duration));
      return 0;
    } catch (SimException e) {
      err.println("cellpilot simulate: " + e.getMessage());
      return e.code() == SimException.Code.INVALID_CONFIG || e.code() == SimException.Code.INVALID_SCENARIO ? 2 : 1;
    }
  }
}
