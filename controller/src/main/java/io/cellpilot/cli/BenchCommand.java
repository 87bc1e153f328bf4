package io.cellpilot.cli;

import io.cellpilot.opcua.cli.OpcUaBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cellpilot bench <area>}: each module contributes its benchmark as a subcommand. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that compare CellPilot against a bare baseline in the same run.",
    subcommands = {OpcUaBenchCommand.class})
public final class BenchCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
