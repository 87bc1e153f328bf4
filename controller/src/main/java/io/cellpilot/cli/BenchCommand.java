package io.cellpilot.cli;

import io.cellpilot.controller.bench.IngestBenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cellpilot bench ...}: benchmarks that compare against a bare baseline in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks, each against a baseline measured in the same run.",
    subcommands = {IngestBenchCommand.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
