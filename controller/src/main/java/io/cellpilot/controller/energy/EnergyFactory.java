package io.cellpilot.controller.energy;

import io.cellpilot.controller.CellPart;
import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The energy monitor, when meters are configured ({@code cellpilot.energy.meters.*}). */
@Factory
public class EnergyFactory {

  @Singleton
  EnergyService energyService(ConfigTree config, CellState cell, CellEventBus events, EventIds ids, Clock clock,
      AlarmBoard alarms) {
    return new EnergyService(EnergySettings.configured(config)
        ? new EnergyMonitor(EnergySettings.of(config), cell, events, ids, clock, alarms) : null);
  }

  @Singleton
  @Named("energy")
  CellPart energyMonitor(EnergyService energy) {
    return energy.monitor().<CellPart>map(m -> m).orElse(CellPart.NONE);
  }
}
