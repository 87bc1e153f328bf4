package io.cellpilot.controller.cellserver;

import io.cellpilot.controller.CellPart;
import io.cellpilot.controller.robot.RobotFleet;
import io.cellpilot.controller.robot.RobotUnit;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EnergyUpdated;
import io.cellpilot.events.LineStateChanged;
import io.cellpilot.events.PartInspected;
import io.cellpilot.opcua.server.CellServer;
import io.cellpilot.opcua.server.CellServerConfig;
import io.cellpilot.opcua.server.EnergySnapshot;
import io.cellpilot.opcua.server.InspectionSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell's own OPC UA server for SCADA and MES, fed from the cell's events (inspection, energy, line state) and,
 * every {@code robot-interval}, from the robots' latest reports (axes, modes; OPC 40010 shaped). Read-only for its
 * clients; started before the sources so that it sees every event.
 */
public final class CellServerPart implements CellPart {
  private static final Logger log = LoggerFactory.getLogger(CellServerPart.class);

  private final CellServerConfig config;
  private final CellEventBus bus;
  private final RobotFleet robots;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Duration robotInterval;
  private final LineKpiCalculator kpis;
  private volatile CellServer server;
  private AutoCloseable subscription;
  private ScheduledFuture<?> periodic;

  public CellServerPart(CellServerConfig config, CellEventBus bus, RobotFleet robots, Optional<Duration> idealCycle,
      Duration robotInterval, Clock clock, ScheduledExecutorService scheduler) {
    this.config = config;
    this.bus = bus;
    this.robots = robots;
    this.clock = clock;
    this.scheduler = scheduler;
    this.robotInterval = robotInterval;
    this.kpis = new LineKpiCalculator(idealCycle);
  }

  @Override
  public String name() {
    return "cell OPC UA server";
  }

  @Override
  public int order() {
    return -10;
  }

  /** The running server; empty before start. */
  public Optional<CellServer> server() {
    return Optional.ofNullable(server);
  }

  @Override
  public void start() {
    server = CellServer.start(config);
    kpis.state("UNKNOWN", clock.instant());
    subscription = bus.subscribe(this::onEvent);
    periodic = scheduler.scheduleWithFixedDelay(this::refresh, 0, robotInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void onEvent(CellEvent event) {
    CellServer s = server;
    if (s == null) {
      return;
    }
    if (event instanceof PartInspected p) {
      s.updateInspection(new InspectionSnapshot(p.partId(), p.verdict().name(), p.score(), p.action().name(),
          p.counts().inspected(), p.counts().good(), p.counts().rejected(), p.counts().review(), p.modelVersion(),
          p.time()));
      synchronized (kpis) {
        kpis.parts(p.counts().good(), p.counts().inspected());
        s.updateLine(kpis.kpis(clock.instant()));
      }
    } else if (event instanceof EnergyUpdated e) {
      s.updateEnergy(new EnergySnapshot(e.meter(), e.powerKw(), e.energyKwh(), e.energyPerPartWh(), e.co2Kg(),
          e.time()));
    } else if (event instanceof io.cellpilot.events.ShiftEnergyUpdated u && !u.shift().closed()) {
      io.cellpilot.energy.record.ShiftRecord r = u.shift();
      s.updateShiftEnergy(new io.cellpilot.opcua.server.ShiftEnergySnapshot(r.shift(), r.siteKwh(), r.idleKwh(),
          r.locationKg(), r.marketKg(), r.parts(), r.good(), r.kwhPerGoodPart(), r.kgPerGoodPart(), r.availability(),
          r.performance(), r.quality(), r.oee(), u.idleAlarm(), u.time()));
    } else if (event instanceof LineStateChanged l) {
      synchronized (kpis) {
        kpis.state(l.state(), l.time());
        s.updateLine(kpis.kpis(clock.instant()));
      }
    }
  }

  /** Robot axes move without events; availability grows with time. */
  private void refresh() {
    CellServer s = server;
    if (s == null) {
      return;
    }
    try {
      for (RobotUnit robot : robots.units()) {
        robot.snapshot().ifPresent(s::updateRobot);
      }
      synchronized (kpis) {
        s.updateLine(kpis.kpis(clock.instant()));
      }
    } catch (RuntimeException e) {
      log.warn("[cell-server] refresh failed", e);
    }
  }

  @Override
  public void stop() {
    if (periodic != null) {
      periodic.cancel(false);
    }
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        log.debug("[cell-server] unsubscribe: {}", e.getMessage());
      }
    }
    CellServer s = server;
    server = null;
    if (s != null) {
      s.close();
    }
  }
}
