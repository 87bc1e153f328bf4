package io.cellpilot.controller.demo;

import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.config.SimConfigLoader;
import java.nio.file.Path;

/** The simulator as the demo runs it: a simulator file's settings, on free loopback ports, with its cobot. */
public final class DemoSimulator {
  private DemoSimulator() {}

  /** {@code simFile}'s settings with the given seed and speed, every port free, the cobot on. */
  public static SimConfig.Builder fromFile(Path simFile, long seed, double timeScale) {
    return SimConfigLoader.loadBuilder(simFile)
        .seed(seed)
        .time(t -> t.scale(timeScale))
        .plc(p -> p.port(0))
        .mqtt(m -> m.embeddedPort(0).clientId("cellpilot-demo-sim"))
        .cobot(c -> c.enabled(true).ports(0, 0, 0));
  }
}
