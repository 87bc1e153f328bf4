package io.cellpilot.controller.plc;

import io.cellpilot.controller.CellPart;
import io.cellpilot.controller.cell.LineActuator;
import io.cellpilot.controller.cell.LineControl;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.config.PlcConfig;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.opcua.client.OpcUaPlcClient;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The PLCs: one gateway connection per {@code cellpilot.plcs.<id>}, each an ingest source of the cell state; the line
 * control and the line monitor on the PLC that runs the line.
 */
@Factory
public class PlcFactory {

  @EachBean(PlcConfig.class)
  @Bean(preDestroy = "close")
  PlcIngestSource plcSource(PlcConfig plc, ConfigTree config, Clock clock,
      @Named("cellpilot") ScheduledExecutorService scheduler) {
    io.cellpilot.opcua.config.PlcConfig gateway = PlcSettings.plc(config, plc.id());
    return new PlcIngestSource(new OpcUaPlcClient(gateway), gateway.lossDetectionBound(), scheduler, clock);
  }

  @Singleton
  Plcs plcs(List<PlcIngestSource> sources) {
    return new Plcs(sources);
  }

  @Singleton
  LineControl lineControl(ConfigTree config, Plcs plcs) {
    Optional<LineSettings> line = LineSettings.of(config);
    LineActuator actuator = line.filter(LineSettings::plcControl)
        .<LineActuator>map(l -> new PlcLineActuator(plcs.client(l.plc()), l))
        .orElse(LineActuator.NONE);
    return new LineControl(actuator);
  }

  @Singleton
  @Named("line")
  CellPart lineMonitor(ConfigTree config, CellState cell, LineControl control, CellEventBus events, EventIds ids,
      Clock clock, @Named("cellpilot") ScheduledExecutorService scheduler) {
    return LineSettings.of(config)
        .<CellPart>map(l -> new LineMonitor(l, cell, control, events, ids, clock, scheduler))
        .orElse(CellPart.NONE);
  }
}
