package io.cellpilot.controller.robot;

import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.RobotStateChanged;
import io.cellpilot.opcua.server.RobotSnapshot;
import io.cellpilot.robot.DriverState;
import io.cellpilot.robot.RobotDriver;
import io.cellpilot.robot.guard.RejectionCounters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One robot in the running cell: its driver's lifecycle (configure when the robot can be reached, activate when
 * {@code auto-activate} says so or an operator asks, back to work after a link fault), its zone sensor feed, its
 * state as {@link RobotStateChanged} events and its readiness for reject picks. Blocking driver calls (power on and
 * brake release take seconds) run on the robot's own thread; an operator's stop never waits for them.
 */
public final class RobotUnit {
  private static final Logger log = LoggerFactory.getLogger(RobotUnit.class);

  private final RobotSettings settings;
  private final GatedDriver driver;
  private final RejectionCounters guardRejections;
  private final ZoneSensorFeed zone;
  private final CellEventBus events;
  private final EventIds ids;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService lifecycle;
  private final AtomicBoolean supervising = new AtomicBoolean();
  private final List<ScheduledFuture<?>> periodic = new ArrayList<>();
  private volatile String lastError = "";
  private volatile RobotStates.Key published;
  private volatile boolean closed;

  /**
   * @param guardRejections the driver's guard's counters, per reason
   * @param zone null when the robot has no zone sensor
   */
  RobotUnit(RobotSettings settings, GatedDriver driver, RejectionCounters guardRejections, ZoneSensorFeed zone,
      CellEventBus events, EventIds ids, Clock clock, ScheduledExecutorService scheduler) {
    this.settings = settings;
    this.driver = driver;
    this.guardRejections = guardRejections;
    this.zone = zone;
    this.events = events;
    this.ids = ids;
    this.clock = clock;
    this.scheduler = scheduler;
    this.lifecycle = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "cellpilot-robot-" + settings.id());
      t.setDaemon(true);
      return t;
    });
  }

  public String id() {
    return settings.id();
  }

  RobotSettings settings() {
    return settings;
  }

  /** The robot's driver, behind the operator's stop (every command still passes the driver's guard). */
  public RobotDriver driver() {
    return driver;
  }

  /** Commands the guard refused, per reason (for metrics). */
  public RejectionCounters guardRejections() {
    return guardRejections;
  }

  /** Starts reaching the robot in the background; returns at once. */
  void start() {
    driver.onStateChange(s -> scheduler.execute(this::publishIfChanged));
    if (zone != null) {
      zone.start();
    }
    periodic.add(scheduler.scheduleWithFixedDelay(this::superviseSoon, 0,
        settings.reconnectDelay().toMillis(), TimeUnit.MILLISECONDS));
    periodic.add(scheduler.scheduleWithFixedDelay(this::publishIfChanged, 100, 100, TimeUnit.MILLISECONDS));
  }

  private void superviseSoon() {
    if (!closed && supervising.compareAndSet(false, true)) {
      lifecycle.execute(() -> {
        try {
          supervise();
        } finally {
          supervising.set(false);
        }
      });
    }
  }

  /** One look at the driver: connect when unconfigured, activate when wanted and allowed. */
  private void supervise() {
    if (closed) {
      return;
    }
    DriverState s = driver.state();
    try {
      if (s == DriverState.UNCONFIGURED) {
        driver.configure();
        lastError = "";
        s = driver.state();
      }
      boolean wanted = settings.autoActivate() && driver.heldBecause().isEmpty();
      if (wanted && (s == DriverState.INACTIVE || s == DriverState.FAULT)) {
        driver.activate();
        lastError = "";
      }
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).equals(lastError)) {
        log.warn("[{}] {} failed: {}; retrying every {} s", id(), s == DriverState.UNCONFIGURED ? "connecting"
            : "activating", e.getMessage(), settings.reconnectDelay().toSeconds());
      }
      lastError = String.valueOf(e.getMessage());
    }
  }

  /** Stops the arm now and keeps it from moving until {@link #activate} (an operator's stop, or shutdown). */
  RobotStatus stop(String reason) {
    driver.hold(reason);
    driver.stop();
    log.warn("[{}] stopped: {}", id(), reason);
    if (!closed) {
      lifecycle.execute(() -> {
        if (driver.state() == DriverState.ACTIVE) {
          driver.deactivate();
        }
      });
    }
    return status();
  }

  /** Opens the gate and activates the driver, waiting for the outcome. */
  RobotStatus activate(String user) {
    driver.open();
    Future<?> done = lifecycle.submit(() -> {
      if (driver.state() == DriverState.UNCONFIGURED) {
        driver.configure();
      }
      if (driver.state() != DriverState.ACTIVE) {
        driver.activate();
      }
    });
    try {
      done.get(settings.driver().activationTimeout().toMillis() * 2 + 5_000, TimeUnit.MILLISECONDS);
      lastError = "";
      log.info("[{}] activated by {}", id(), user);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      lastError = String.valueOf(cause.getMessage());
      log.warn("[{}] activation by {} failed: {}", id(), user, lastError);
    }
    return status();
  }

  /** The robot as the controller core needs it: connected, ready for a reject pick, and why not. */
  public RobotStatus status() {
    return RobotStates.status(id(), driver.state(), driver.status(), System.nanoTime(),
        driver.heldBecause(), zone == null ? "" : zone.problem(), lastError, settings.pick().isPresent());
  }

  /** What the cell's OPC UA server shows of this robot (OPC 40010 shaped). */
  public Optional<RobotSnapshot> snapshot() {
    return driver.status().map(s -> RobotStates.snapshot(id(), settings.driver().model(), driver.state(), s,
        clock.instant()));
  }

  private void publishIfChanged() {
    try {
      RobotStates.Key key = RobotStates.key(driver.state(), driver.status());
      if (!key.equals(published)) {
        published = key;
        events.publish(new RobotStateChanged(ids.next(), clock.instant(), id(), key.driverState(), key.robotMode(),
            key.safetyMode(), key.programRunning(), key.speedScaling()));
      }
    } catch (RuntimeException e) {
      log.warn("[{}] publishing the robot state failed", id(), e);
    }
  }

  /** Stops the arm, then closes the driver (shutdown). */
  void close() {
    closed = true;
    periodic.forEach(f -> f.cancel(false));
    if (zone != null) {
      zone.stop();
    }
    driver.hold("controller shut down");
    driver.stop();
    lifecycle.shutdownNow();
    try {
      lifecycle.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    driver.close();
  }
}
