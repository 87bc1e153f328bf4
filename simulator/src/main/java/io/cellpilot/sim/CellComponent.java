package io.cellpilot.sim;

import io.cellpilot.sim.cell.PartHandling;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.machines.ElectricalLoad;
import io.cellpilot.sim.time.SimClock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A part of the cell with its own lifecycle and endpoints, started after the PLC, sensors and camera and stopped
 * before them. The cobot (package {@code io.cellpilot.sim.cobot}) plugs in here: its {@link Factory} returns a
 * component when {@code config.cobot().enabled()}, grips parts through {@link Context#parts()} and reports its
 * electrical power through {@link Context#robotPower()}.
 */
public interface CellComponent extends AutoCloseable {

  /** Short name for logs; the cobot's component is named {@code cobot} (the cell checks for it). */
  String name();

  /** Starts serving; throws {@link SimException} (code START_FAILED) naming what failed. */
  void start();

  /** What it opened, e.g. {@code cobot.dashboard -> 127.0.0.1:29999}; shown by {@code cellpilot simulate}. */
  Map<String, String> endpoints();

  /** Stops and releases everything it started; no exception. */
  @Override
  void close();

  /** What a component gets from the cell. */
  record Context(SimConfig config, SimClock clock, PartHandling parts, Consumer<ElectricalLoad> robotPower) {}

  /** Creates the component for this cell, or nothing when the configuration does not ask for it. */
  @FunctionalInterface
  interface Factory {
    Optional<CellComponent> create(Context context);
  }
}
