package io.cellpilot.controller.robot;

import io.cellpilot.controller.CellPart;
import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.controller.inspection.RejectHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cell's robots: started after the sources, stopped first at shutdown (every arm stopped, then the drivers
 * closed). The robot that picks rejects ({@code cellpilot.inspection.robot}, or the only one) is the one the
 * inspection pipeline asks about; an operator's stop stops every robot.
 */
public final class RobotFleet implements CellPart {
  private final Map<String, RobotUnit> units = new LinkedHashMap<>();
  private final Optional<String> picker;
  private final Map<String, PickRejectHandler> handlers;

  RobotFleet(List<RobotUnit> units, Optional<String> picker, Map<String, PickRejectHandler> handlers) {
    units.forEach(u -> this.units.put(u.id(), u));
    this.picker = picker;
    this.handlers = Map.copyOf(handlers);
  }

  public List<RobotUnit> units() {
    return List.copyOf(units.values());
  }

  public Optional<RobotUnit> unit(String id) {
    return Optional.ofNullable(units.get(id));
  }

  /** The robot the inspection pipeline relies on: the picker, else the first robot. */
  private Optional<RobotUnit> main() {
    return picker.map(units::get).or(() -> units.values().stream().findFirst());
  }

  /** The controller core's view: the picking robot's readiness; stop and activate act on every robot. */
  public RobotControl control() {
    return new RobotControl() {
      @Override
      public RobotStatus status() {
        return main().map(RobotUnit::status).orElse(RobotStatus.absent("no robot is configured"));
      }

      @Override
      public RobotStatus stop(String reason) {
        units.values().forEach(u -> u.stop(reason));
        return status();
      }

      @Override
      public RobotStatus activate(String user) {
        units.values().forEach(u -> u.activate(user));
        return status();
      }
    };
  }

  /** The picking robot's reject routine, or one that skips every part with the reason. */
  public RejectHandler rejectHandler() {
    return picker.map(handlers::get).<RejectHandler>map(h -> h).orElse(RejectHandler.UNWIRED);
  }

  @Override
  public String name() {
    return "robots";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public void start() {
    units.values().forEach(RobotUnit::start);
  }

  @Override
  public void stop() {
    units.values().forEach(u -> u.driver().stop());
    handlers.values().forEach(PickRejectHandler::close);
    units.values().forEach(RobotUnit::close);
  }
}
