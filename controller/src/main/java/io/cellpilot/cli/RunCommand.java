package io.cellpilot.cli;

import io.cellpilot.controller.ControllerLauncher;
import io.cellpilot.controller.config.ConfigException;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cellpilot run --config my.yml}: the edge service against a real (or simulated) cell, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the CellPilot edge service with one configuration file (keys under cellpilot.).")
public final class RunCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "the configuration file")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    ApplicationContext context;
    try {
      context = ControllerLauncher.start(config);
    } catch (ConfigException e) {
      System.err.println("cellpilot: the configuration " + config + " is not valid:");
      e.problems().forEach(p -> System.err.println("  - " + p));
      return 2;
    }
    // Micronaut's own shutdown hook stops the context on Ctrl-C or SIGTERM: the robot first (CellRuntime), then the
    // pipelines, the sources and the embedded broker. A second hook closing it too would race with it (and can
    // deadlock inside the HTTP server's stop), so this thread only waits for it.
    while (context.isRunning()) {
      Thread.sleep(250);
    }
    return 0;
  }
}
