package io.cellpilot.sim.plc;

import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.model.CellListener;
import io.cellpilot.sim.model.CellModel;
import io.cellpilot.sim.model.CellSnapshot;
import io.cellpilot.sim.time.SimClock;
import io.cellpilot.sim.time.SimLoop;
import java.time.Clock;
import java.time.Instant;

/** A cell model running at {@code scale} behind a PLC server, without MQTT or camera. */
final class PlcHarness implements AutoCloseable {
  final CellModel model;
  final SimLoop loop;
  final PlcServer plc;

  PlcHarness(SimConfig config) {
    SimClock clock = new SimClock(Instant.parse("2026-01-01T06:00:00Z"), config.time().step(), config.time().scale());
    PlcServer[] holder = new PlcServer[1];
    model = new CellModel(config, clock, Clock.systemUTC(), new CellListener() {
      @Override
      public void snapshot(CellSnapshot snapshot) {
        if (holder[0] != null) {
          holder[0].update(snapshot);
        }
      }
    });
    plc = new PlcServer(config.plc(), PlcControl.of(model), model::snapshot);
    holder[0] = plc;
    plc.start();
    loop = new SimLoop("test", clock, model::step);
    loop.start();
  }

  @Override
  public void close() {
    loop.close();
    plc.close();
  }
}
