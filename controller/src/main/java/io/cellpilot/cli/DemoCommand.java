package io.cellpilot.cli;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.cli.CellRunner;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.faults.ScheduledFault;
import io.cellpilot.sim.faults.SensorKey;
import io.cellpilot.sim.machines.MachineId;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
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

  // Seed 11's first ten parts carry four kinds of defect, so the demo shows some at once.
  @Option(names = "--seed", paramLabel = "N", defaultValue = "11", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--no-faults", description = "Runs without the demo's faults (by default: a person near the robot"
      + " at 45 s, a power spike at 90 s, a press bearing wearing from 2 min, garbled vibration messages at 3 min).")
  boolean noFaults;

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
      SimConfig.Builder builder = SimConfig.builder()
          .seed(seed)
          .time(t -> t.scale(timeScale))
          .plc(p -> p.port(0))
          .mqtt(m -> m.embeddedPort(0).clientId("cellpilot-demo-sim"))
          .line(l -> l.defectRate(0.15));
      if (!noFaults) {
        builder.faults(demoFaults());
      }
      SimConfig config = builder.build();
      Duration stopAfter = duration == null ? null : CellRunner.duration("--duration", duration);
      CellRunner.run(config, out, Duration.ofSeconds(3), stopAfter);
      return 0;
    } catch (SimException e) {
      spec.commandLine().getErr().println("cellpilot demo: " + e.getMessage());
      return 1;
    }
  }

  private static List<ScheduledFault> demoFaults() {
    SensorKey pressVibration = new SensorKey(MachineId.PRESS, SensorKey.Quantity.VIBRATION);
    return List.of(
        new ScheduledFault(Duration.ofSeconds(45), new Fault.PersonInZone(Duration.ofSeconds(20), 0.6)),
        new ScheduledFault(Duration.ofSeconds(90), new Fault.PowerSpike("main", 6.0, Duration.ofSeconds(3))),
        new ScheduledFault(Duration.ofMinutes(2), new Fault.Bearing(MachineId.PRESS, Duration.ofMinutes(15))),
        new ScheduledFault(Duration.ofMinutes(3), new Fault.MalformedJson(pressVibration, Duration.ofSeconds(10))));
  }
}
