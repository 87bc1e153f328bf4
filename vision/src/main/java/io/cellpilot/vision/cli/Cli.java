package io.cellpilot.vision.cli;

import io.cellpilot.vision.VisionException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** Shared CLI behaviour: a refused input prints one clear line and exits 2, no stack trace. */
final class Cli {
  /** Exit code for refused input (bad data, tampered package, corrupt image). */
  static final int REFUSED = 2;

  private Cli() {}

  static int run(CommandSpec spec, Callable<Integer> body) throws Exception {
    try {
      return body.call();
    } catch (VisionException e) {
      spec.commandLine().getErr().println("cellpilot " + spec.name() + ": " + e.getMessage());
      spec.commandLine().getErr().flush();
      return REFUSED;
    }
  }
}
