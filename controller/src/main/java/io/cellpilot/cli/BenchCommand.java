package io.cellpilot.cli;

import io.cellpilot.vision.cli.VisionBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cellpilot bench <area>}: each module's benchmark, measured against its bare baseline in the same run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks (each compares against its bare-library baseline in the same run).",
    subcommands = {
        VisionBenchCommand.class,
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
