package io.cellpilot.controller.energy;

import io.cellpilot.controller.CellPart;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** The energy monitor, when meters are configured ({@code cellpilot.energy.meters.*}). */
@Factory
public class EnergyFactory {

  @Singleton
  @Named("energy")
  CellPart energyMonitor(ConfigTree config, CellState cell, CellEventBus events, EventIds ids, Clock clock,
      @Named("cellpilot") ScheduledExecutorService scheduler) {
    EnergySettings settings = EnergySettings.of(config);
    return settings.meters().isEmpty() ? CellPart.NONE
        : new EnergyMonitor(settings, cell, events, ids, clock, scheduler);
  }
}
