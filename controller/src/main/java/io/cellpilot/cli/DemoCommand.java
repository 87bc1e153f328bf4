package io.cellpilot.cli;

import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.cellserver.CellServerPart;
import io.cellpilot.controller.config.ConfigException;
import io.cellpilot.controller.demo.DemoCell;
import io.cellpilot.controller.demo.DemoSimulator;
import io.cellpilot.sim.CellStats;
import io.cellpilot.sim.SimException;
import io.cellpilot.sim.cli.CellRunner;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.faults.ScheduledFault;
import io.cellpilot.sim.faults.SensorKey;
import io.cellpilot.sim.machines.MachineId;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cellpilot demo}: the whole cell on this machine. The simulator (PLC, sensors, meters, camera, cobot and an
 * embedded MQTT broker, all on free loopback ports) and the controller configured from deploy/cellpilot-sim.yml with
 * the default models in deploy/models, talking through the real protocols only. A live summary prints until Ctrl-C,
 * which stops the robot first and then closes everything.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the whole simulated cell: simulator + controller with the default models, on loopback.",
        "Parts flow, defects are picked to the reject bin by the cobot, alarms rise when the press bearing wears.",
        "Ctrl-C stops the robot first, then everything. (Use 'simulate' and 'run' for the two halves apart.)"})
public final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  // Seed 11's first ten parts carry four kinds of defect, so the demo shows some at once.
  @Option(names = "--seed", paramLabel = "N", defaultValue = "11", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--no-faults", description = "Runs without the demo's faults (by default: a person near the robot"
      + " at 45 s, a power spike at 90 s, the press bearing wearing from 2 min, garbled vibration messages at 3 min).")
  boolean noFaults;

  @Option(names = "--time-scale", paramLabel = "X", defaultValue = "1",
      description = "Simulated seconds per real second (default: ${DEFAULT-VALUE}; the robot moves in real time).")
  double timeScale;

  @Option(names = "--duration", paramLabel = "DURATION",
      description = "Stops after this much simulated time, e.g. 2m (default: until Ctrl-C).")
  String duration;

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
      description = "The controller's HTTP API (default: ${DEFAULT-VALUE}; a free port when it is taken).")
  int httpPort;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The controller's configuration (default: deploy/cellpilot-sim.yml of the installation).")
  Path config;

  @Option(names = "--sim-config", paramLabel = "FILE",
      description = "The simulator's configuration (default: deploy/sim.yml of the installation); ports become free"
          + " ones.")
  Path simConfig;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path home = Path.of(System.getenv().getOrDefault("CELLPILOT_HOME", ".")).toAbsolutePath().normalize();
    Path controllerFile = config != null ? config : home.resolve("deploy/cellpilot-sim.yml");
    Path simFile = simConfig != null ? simConfig : home.resolve("deploy/sim.yml");
    for (Path f : List.of(controllerFile, simFile)) {
      if (!Files.isRegularFile(f)) {
        err.println("cellpilot demo: " + f + " does not exist (run from the installation folder, or set"
            + " CELLPILOT_HOME, or pass --config / --sim-config)");
        return 2;
      }
    }
    DemoCell cell;
    Duration stopAfter;
    try {
      stopAfter = duration == null ? null : CellRunner.duration("--duration", duration);
      out.println("cellpilot demo: starting the simulated cell and the controller ...");
      out.flush();
      cell = DemoCell.start(controllerFile, home, home.resolve("data/demo"), simulator(simFile),
          portOrFree(httpPort), props -> { });
    } catch (SimException e) {
      err.println("cellpilot demo: " + e.getMessage());
      return 1;
    } catch (ConfigException e) {
      err.println("cellpilot demo: the configuration " + controllerFile + " is not valid:");
      e.problems().forEach(p -> err.println("  - " + p));
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      out.println("stopping: the robot first, then the controller and the simulated cell ...");
      out.flush();
      cell.close();
      out.println("stopped.");
      out.flush();
      stopped.countDown();
    }, "cellpilot-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    describe(cell, out);
    while (!stopped.await(3, TimeUnit.SECONDS)) {
      CellStats stats = cell.sim().stats();
      out.println(heading(stats));
      cell.summary().lines(cell.controller().findBean(RobotControl.class).map(RobotControl::status).orElse(null))
          .forEach(out::println);
      out.flush();
      if (stopAfter != null && stats.simulated().compareTo(stopAfter) >= 0) {
        Runtime.getRuntime().removeShutdownHook(hook);
        hook.run();
      }
    }
    return 0;
  }

  private SimConfig simulator(Path simFile) {
    SimConfig.Builder builder = DemoSimulator.fromFile(simFile, seed, timeScale);
    if (!noFaults) {
      builder.faults(demoFaults());
    }
    return builder.build();
  }

  private static void describe(DemoCell cell, PrintWriter out) {
    out.printf("cellpilot demo running (started in %d ms); Ctrl-C stops it%n", cell.startMillis());
    cell.sim().endpoints().describe().forEach(line -> out.println("  sim  " + line));
    out.println("  controller HTTP API  " + cell.httpUrl() + "  (GET /api/cell, /health, /metrics)");
    cell.controller().findBean(CellServerPart.class).flatMap(CellServerPart::server)
        .ifPresent(s -> out.println("  controller OPC UA    " + s.endpointUrl() + "  (user scada)"));
    out.println("  status topics        cellpilot/<site>/<cell>/# and spBv1.0/# on the same broker");
    out.println("  CellPilot is not a safety system: the robot's and the cell's safety controllers are.");
    out.flush();
  }

  private static String heading(CellStats s) {
    long t = s.simulated().toSeconds();
    return String.format("sim %02d:%02d:%02d | line %s | parts %d (truly defective %d) | images %d | sensor msgs %d"
            + " (malformed %d) | faults injected %d", t / 3600, t / 60 % 60, t % 60, s.line(), s.parts(),
        s.defective(), s.images(), s.sensorMessages(), s.malformedMessages(), s.faults());
  }

  private static int portOrFree(int port) {
    try (ServerSocket probe = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      return port;
    } catch (IOException taken) {
      return 0;
    }
  }

  private static List<ScheduledFault> demoFaults() {
    SensorKey pressVibration = new SensorKey(MachineId.PRESS, SensorKey.Quantity.VIBRATION);
    return List.of(
        new ScheduledFault(Duration.ofSeconds(45), new Fault.PersonInZone(Duration.ofSeconds(20), 0.6)),
        new ScheduledFault(Duration.ofSeconds(90), new Fault.PowerSpike("main", 6.0, Duration.ofSeconds(3))),
        new ScheduledFault(Duration.ofMinutes(2), new Fault.Bearing(MachineId.PRESS, Duration.ofMinutes(4))),
        new ScheduledFault(Duration.ofMinutes(3), new Fault.MalformedJson(pressVibration, Duration.ofSeconds(10))));
  }
}
