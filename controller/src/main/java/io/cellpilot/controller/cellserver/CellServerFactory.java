package io.cellpilot.controller.cellserver;

import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.robot.RobotFleet;
import io.cellpilot.events.CellEventBus;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** The cell's own OPC UA server: off unless {@code cellpilot.opcua-server.enabled} is true. */
@Factory
public class CellServerFactory {

  @Singleton
  @Requires(property = "cellpilot.opcua-server.enabled", value = "true")
  CellServerPart cellServer(ConfigTree config, CellEventBus bus, RobotFleet robots, Clock clock,
      @Named("cellpilot") ScheduledExecutorService scheduler) {
    return new CellServerPart(CellServerSettings.of(config), bus, robots,
        config.optionalDuration("cellpilot.line.ideal-cycle-time"),
        config.duration("cellpilot.opcua-server.robot-interval"), clock, scheduler);
  }
}
