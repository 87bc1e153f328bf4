package io.cellpilot.controller.robot;

import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.inspection.RejectHandler;
import io.cellpilot.controller.plc.LineSettings;
import io.cellpilot.controller.plc.OpcUaConveyorHandshake;
import io.cellpilot.controller.plc.Plcs;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.robot.routine.RejectPickRoutine;
import io.cellpilot.robot.ur.UrDriver;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The robots of {@code cellpilot.robots.*}: a UR driver each (behind a gate for operators' stops), their zone sensor
 * feeds, and the reject pick with the PLC's pick handshake. They replace the core's seams ({@code RobotControl.NONE},
 * {@code RejectHandler.UNWIRED}) as soon as one robot is configured.
 */
@Factory
public class RobotFactory {

  @Singleton
  RobotFleet fleet(ConfigTree config, Plcs plcs, CellState cell, CellEventBus events, EventIds ids, Clock clock,
      @Named("cellpilot") ScheduledExecutorService scheduler) {
    Optional<LineSettings> line = LineSettings.of(config);
    Optional<String> picker = RobotSettings.inspectionRobot(config);
    List<RobotUnit> units = new ArrayList<>();
    Map<String, PickRejectHandler> handlers = new LinkedHashMap<>();
    for (String id : config.ids("cellpilot.robots")) {
      RobotSettings settings = RobotSettings.of(config, id);
      UrDriver ur = new UrDriver(settings.driver());
      GatedDriver driver = new GatedDriver(ur);
      ZoneSensorFeed zone = settings.zone().map(z -> new ZoneSensorFeed(driver, plcs.client(plcOf(z.occupiedTag())),
          z, settings.driver().limits().zoneMaxAge(), scheduler)).orElse(null);
      RobotUnit unit = new RobotUnit(settings, driver, ur.rejections(), zone, events, ids, clock, scheduler);
      units.add(unit);
      if (settings.pick().isPresent() && line.isPresent()) {
        OpcUaConveyorHandshake handshake = new OpcUaConveyorHandshake(plcs.client(line.get().plc()), line.get(), cell,
            scheduler);
        handlers.put(id, new PickRejectHandler(unit, handshake,
            new RejectPickRoutine(driver, handshake, settings.pick().get())));
      }
    }
    return new RobotFleet(units, picker, handlers);
  }

  @Singleton
  @Requires(property = "cellpilot.robots")
  RobotControl robotControl(RobotFleet fleet) {
    return fleet.control();
  }

  @Singleton
  @Requires(property = "cellpilot.robots")
  RejectHandler rejectHandler(RobotFleet fleet) {
    return fleet.rejectHandler();
  }

  private static String plcOf(String tag) {
    return tag.substring(0, tag.indexOf('.'));
  }
}
