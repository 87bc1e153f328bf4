package io.cellpilot.cli;

import io.cellpilot.vision.cli.EvaluateCommand;
import io.cellpilot.vision.cli.PackageCommand;
import io.cellpilot.vision.cli.ScoreCommand;
import io.cellpilot.vision.cli.TrainCommand;
import io.cellpilot.vision.cli.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cellpilot} launcher: one command line for the edge service, the simulated cell and the line engineer's
 * model tools. Each module contributes its own subcommands; this class only assembles them.
 */
@Command(
    name = "cellpilot",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Edge controller for robot work cells.",
    subcommands = {
        CommandLine.HelpCommand.class,
        DemoCommand.class,
        RunCommand.class,
        UsersCommand.class,
        io.cellpilot.opcua.cli.BrowseCommand.class,
        io.cellpilot.sim.cli.SimulateCommand.class,
        io.cellpilot.sim.cli.GenerateDatasetCommand.class,
        io.cellpilot.controller.vision.GenerateSeriesCommand.class,
        TrainCommand.class,
        EvaluateCommand.class,
        ScoreCommand.class,
        PackageCommand.class,
        VerifyCommand.class,
        BenchCommand.class,
        io.cellpilot.controller.energy.ReportCommand.class,
    })
public final class CellPilotCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code = newCommandLine().execute(args);
    System.exit(code);
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new CellPilotCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
