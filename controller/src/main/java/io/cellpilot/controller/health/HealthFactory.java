package io.cellpilot.controller.health;

import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.alarm.AlarmThresholds;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.state.CellState;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** The health monitor with one entry per {@code cellpilot.health.machines.<id>}. */
@Factory
public class HealthFactory {

  @Singleton
  HealthMonitor healthMonitor(ConfigTree config, CellState state, ModelRegistry models, AlarmBoard alarms) {
    List<MachineHealth> machines = new ArrayList<>();
    for (String id : config.ids("cellpilot.health.machines")) {
      String b = "cellpilot.health.machines." + id;
      machines.add(new MachineHealth(id, config.list(b + ".tags"), config.optionalString(b + ".model").orElse(""),
          config.integer(b + ".probation-samples"),
          new AlarmThresholds(config.decimal(b + ".warning-raise"), config.decimal(b + ".warning-clear"),
              config.decimal(b + ".critical-raise"), config.decimal(b + ".critical-clear"),
              config.integer(b + ".raise-after"), config.integer(b + ".clear-after"))));
    }
    return new HealthMonitor(machines, state, models, alarms);
  }
}
