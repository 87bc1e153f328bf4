package io.cellpilot.controller.energy;

import java.util.Optional;

/** The cell's energy monitor, if energy is configured; the HTTP API and the cell runtime reach it through this. */
public final class EnergyService {
  private final EnergyMonitor monitor;

  EnergyService(EnergyMonitor monitor) {
    this.monitor = monitor;
  }

  /** Empty when no meter is configured. */
  public Optional<EnergyMonitor> monitor() {
    return Optional.ofNullable(monitor);
  }
}
