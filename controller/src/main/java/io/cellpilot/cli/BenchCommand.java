package io.cellpilot.cli;

import io.cellpilot.controller.bench.IngestBenchCommand;
import io.cellpilot.controller.bench.PlcIngestBenchCommand;
import io.cellpilot.opcua.cli.OpcUaBenchCommand;
import io.cellpilot.robot.bench.RobotBenchCommand;
import io.cellpilot.sim.cli.SimBenchCommand;
import io.cellpilot.status.bench.MqttBenchCommand;
import io.cellpilot.vision.cli.VisionBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cellpilot bench <area>}: each capability's benchmark, each against a bare baseline measured in the same run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that compare CellPilot against a bare baseline in the same run.",
    subcommands = {OpcUaBenchCommand.class, IngestBenchCommand.class, PlcIngestBenchCommand.class,
        RobotBenchCommand.class, MqttBenchCommand.class, SimBenchCommand.class, VisionBenchCommand.class,
        io.cellpilot.controller.bench.RejectLoopBenchCommand.class,
        io.cellpilot.energy.bench.EnergyBenchCommand.class})
public final class BenchCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
