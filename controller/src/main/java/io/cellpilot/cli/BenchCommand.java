package io.cellpilot.cli;

import io.cellpilot.robot.bench.RobotBenchCommand;
import io.cellpilot.status.bench.MqttBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cellpilot bench ...}: each capability's benchmark, each with its baseline in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks; each compares against a baseline measured in the same run.",
    subcommands = {RobotBenchCommand.class, MqttBenchCommand.class})
public final class BenchCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
