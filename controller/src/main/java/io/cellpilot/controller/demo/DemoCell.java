package io.cellpilot.controller.demo;

import io.cellpilot.controller.config.ConfigFile;
import io.cellpilot.controller.config.ConfigValidator;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.sim.SimulatedCell;
import io.cellpilot.sim.config.SimConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole cell in one process: the simulator (PLC, sensors, meters, camera, cobot, embedded MQTT broker) and the
 * controller configured from the simulated-cell file, talking through the real protocols on loopback only. What
 * {@code cellpilot demo} runs, and what the end-to-end tests and the reject-loop benchmark start.
 */
public final class DemoCell implements AutoCloseable {
  private final SimulatedCell sim;
  private final ApplicationContext controller;
  private final EmbeddedServer http;
  private final DemoSummary summary = new DemoSummary();
  private final long startMillis;

  private DemoCell(SimulatedCell sim, ApplicationContext controller, EmbeddedServer http, long startMillis) {
    this.sim = sim;
    this.controller = controller;
    this.http = http;
    this.startMillis = startMillis;
  }

  /**
   * Starts the simulator, then the controller against it; on any failure what was started is closed again.
   *
   * @param controllerConfig the controller's configuration file for the simulated cell
   * @param home where relative model package paths in that file are found
   * @param dataDir the controller's data folder for this run
   * @param simConfig the simulator (its ports should be 0: free ones)
   * @param httpPort the HTTP API's port (0: a free one)
   * @param overrides last changes to the controller's properties (tests); may be a no-op
   * @throws io.cellpilot.controller.config.ConfigException when the resulting configuration is not valid
   */
  public static DemoCell start(Path controllerConfig, Path home, Path dataDir, SimConfig simConfig, int httpPort,
      Consumer<Map<String, Object>> overrides) {
    long t0 = System.nanoTime();
    Map<String, Object> file = ConfigFile.read(controllerConfig);
    SimulatedCell sim = SimulatedCell.start(simConfig);
    ApplicationContext context = null;
    try {
      Map<String, Object> props = DemoProperties.of(file, sim.endpoints(), home, dataDir, httpPort);
      overrides.accept(props);
      ConfigValidator.validate(props);
      context = ApplicationContext.builder()
          .deduceEnvironment(false)
          .banner(false)
          .propertySources(PropertySource.of("cellpilot-demo:" + controllerConfig, props))
          .start();
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      server.start();
      DemoCell cell = new DemoCell(sim, context, server, (System.nanoTime() - t0) / 1_000_000);
      context.getBean(CellEventBus.class).subscribe(cell.summary::accept);
      return cell;
    } catch (RuntimeException e) {
      if (context != null) {
        context.close();
      }
      sim.close();
      throw e;
    }
  }

  public SimulatedCell sim() {
    return sim;
  }

  public ApplicationContext controller() {
    return controller;
  }

  public String httpUrl() {
    return http.getURL().toString();
  }

  public DemoSummary summary() {
    return summary;
  }

  /** Wall-clock milliseconds from the call to {@link #start} until the controller was serving. */
  public long startMillis() {
    return startMillis;
  }

  /**
   * The controller first (it stops the robot before anything else, then its sources and publishers), the simulator
   * and its broker last, so that the controller never sees its peers vanish while it is still acting.
   */
  @Override
  public void close() {
    try {
      controller.close();
    } finally {
      sim.close();
    }
  }
}
