package io.cellpilot.cli;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.cli.CellRunner;
import io.cellpilot.sim.config.SimConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cellpilot demo}: for now the simulated cell alone on free ports (so it never collides with anything already
 * listening), printing its endpoints and a live one-line summary until Ctrl-C. The controller issue makes this the
 * whole cell: simulator plus controller.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the simulated work cell on free ports and shows it working: parts, defects, images, faults.",
        "Ctrl-C stops everything cleanly. (Use 'simulate' for fixed ports and a configuration file.)"})
public final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--time-scale", paramLabel = "X", defaultValue = "2",
      description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}).")
  double timeScale;

  @Option(names = "--duration", paramLabel = "DURATION",
      description = "Stops after this much simulated time, e.g. 2m (default: until Ctrl-C).")
  String duration;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try {
      SimConfig config = SimConfig.builder()
          .seed(seed)
          .time(t -> t.scale(timeScale))
          .plc(p -> p.port(0))
          .mqtt(m -> m.embeddedPort(0).clientId("cellpilot-demo-sim"))
          .line(l -> l.defectRate(0.15))
          .build();
      Duration stopAfter = duration == null ? null : CellRunner.duration("--duration", duration);
      CellRunner.run(config, out, Duration.ofSeconds(3), stopAfter);
      return 0;
    } catch (SimException e) {
      spec.commandLine().getErr().println("cellpilot demo: " + e.getMessage());
      return 1;
    }
  }
}
