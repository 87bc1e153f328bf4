package io.cellpilot.sim.cobot;

import io.cellpilot.sim.CellComponent;
import io.cellpilot.sim.config.CobotSection;
import io.cellpilot.sim.machines.ElectricalLoad;
import io.cellpilot.sim.machines.MachineState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated UR5e as a part of the cell: it grips parts on the cell's conveyor and drives the cell's Robot power
 * meter. Created when {@code cobot.enabled} is true.
 */
public final class CobotComponent implements CellComponent {

  /** Drawing clearly more than an idle arm (about 120 W) means the arm is moving. */
  private static final double MOVING_WATTS = 180;

  private final SimulatedCobot cobot;

  private CobotComponent(SimulatedCobot cobot) {
    this.cobot = cobot;
  }

  /** The factory {@code SimulatedCell} lists among its built-in components. */
  public static Factory factory() {
    return context -> {
      CobotSection section = context.config().cobot();
      if (!section.enabled()) {
        return Optional.empty();
      }
      SimulatedCobot cobot = new SimulatedCobot(CobotConfig.builder()
          .bindAddress(section.bindAddress())
          .dashboardPort(section.dashboardPort())
          .secondaryPort(section.secondaryPort())
          .rtdePort(section.rtdePort())
          .partHandling(context.parts())
          .seed(context.config().seed())
          .build());
      CobotComponent component = new CobotComponent(cobot);
      context.robotPower().accept(component.load());
      return Optional.of(component);
    };
  }

  @Override
  public String name() {
    return "cobot";
  }

  @Override
  public void start() {
    cobot.start();
  }

  @Override
  public Map<String, String> endpoints() {
    SimulatedCobot.Endpoints e = cobot.endpoints();
    Map<String, String> endpoints = new LinkedHashMap<>();
    endpoints.put("cobot.dashboard", e.host() + ":" + e.dashboardPort());
    endpoints.put("cobot.secondary", e.host() + ":" + e.secondaryPort());
    endpoints.put("cobot.rtde", e.host() + ":" + e.rtdePort());
    return endpoints;
  }

  /** The arm itself, for tests and fault injection. */
  public SimulatedCobot cobot() {
    return cobot;
  }

  @Override
  public void close() {
    cobot.close();
  }

  // Read by the cell's model step under the model's lock: only volatile reads here (see CobotCore#powerWatts).
  private ElectricalLoad load() {
    return new ElectricalLoad() {
      @Override
      public double activePowerKw() {
        return cobot.powerWatts() / 1000.0;
      }

      @Override
      public MachineState state() {
        return cobot.powerWatts() > MOVING_WATTS ? MachineState.RUNNING : MachineState.IDLE;
      }
    };
  }
}
