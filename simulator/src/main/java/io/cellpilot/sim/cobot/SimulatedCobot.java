package io.cellpilot.sim.cobot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated UR5e behind Universal Robots' own interfaces: the dashboard server, the secondary client interface for
 * URScript and RTDE, on loopback ports. A control clock steps the controller at the RTDE rate (125 or 500 Hz) and
 * publishes every cycle. Faults can be injected: protective stop, connection drop, RTDE stall.
 */
public final class SimulatedCobot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SimulatedCobot.class);

  /** Where the three interfaces listen. */
  public record Endpoints(String host, int dashboardPort, int secondaryPort, int rtdePort) {}

  private final CobotConfig config;
  private final ByteCounter dashboardBytes = new ByteCounter();
  private final ByteCounter secondaryBytes = new ByteCounter();
  private final ByteCounter rtdeBytes = new ByteCounter();
  private final List<Consumer<String>> programListeners =
      new CopyOnWriteArrayList<>();
  private final AtomicLong cycles = new AtomicLong();
  private final AtomicLong lateCycles = new AtomicLong();
  private final AtomicLong maxLatenessNanos = new AtomicLong();
  private CobotCore core;
  private RtdeServer rtde;
  private DashboardServer dashboard;
  private SecondaryServer secondary;
  private Thread clock;
  private volatile boolean running;

  public SimulatedCobot(CobotConfig config) {
    this.config = config;
  }

  /** Opens the three ports and starts the control clock; the robot starts powered off, brakes engaged. */
  public synchronized SimulatedCobot start() {
    if (running) {
      return this;
    }
    core = new CobotCore(config, "sim-ur5e", message -> {
      RtdeServer server = rtde;
      if (server != null) {
        server.broadcast(message);
      }
    });
    try {
      rtde = new RtdeServer(core, config.bindAddress(), config.rtdePort(), config.rtdeHz(), rtdeBytes);
      dashboard = new DashboardServer(core, config.bindAddress(), config.dashboardPort(), dashboardBytes);
      secondary = new SecondaryServer(core, config.bindAddress(), config.secondaryPort(), secondaryBytes,
          program -> programListeners.forEach(l -> l.accept(program)));
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("simulated cobot could not open its ports", e);
    }
    running = true;
    clock = new Thread(this::runClock, "sim-cobot-clock");
    clock.setDaemon(true);
    clock.setPriority(Thread.MAX_PRIORITY);
    clock.start();
    log.info("[sim-ur5e] dashboard {}, secondary {}, RTDE {} at {} Hz", dashboard.port(), secondary.port(),
        rtde.port(), config.rtdeHz());
    return this;
  }

  private void runClock() {
    long period = 1_000_000_000L / config.rtdeHz();
    double dt = 1.0 / config.rtdeHz();
    long statePeriod = config.rtdeHz() / 10;
    long start = System.nanoTime();
    long tick = 0;
    while (running) {
      long due = start + tick * period;
      long now = System.nanoTime();
      while (now < due) {
        LockSupport.parkNanos(due - now);
        now = System.nanoTime();
      }
      long lateness = now - due;
      if (lateness > period) {
        lateCycles.incrementAndGet();
      }
      maxLatenessNanos.accumulateAndGet(lateness, Math::max);
      try {
        core.tick(dt);
        Snapshot s = core.snapshot();
        rtde.publish(s, tick);
        if (tick % statePeriod == 0) {
          secondary.publish(s);
        }
      } catch (RuntimeException e) {
        log.error("[sim-ur5e] control cycle {} failed", tick, e);
      }
      cycles.incrementAndGet();
      tick++;
    }
  }

  /** Where the interfaces listen (the real ports when the configuration asked for free ones). */
  public Endpoints endpoints() {
    return new Endpoints(config.bindAddress(), dashboard.port(), secondary.port(), rtde.port());
  }

  public CobotConfig config() {
    return config;
  }

  /** The robot's state after the last control cycle. */
  public CobotState state() {
    Snapshot s = core.snapshot();
    boolean moving = false;
    for (double v : s.qd()) {
      moving |= v != 0;
    }
    return new CobotState(s.q(), s.tcpPose(), moving, s.robotMode(), s.safetyMode(), s.runtimeState(),
        s.speedScaling(), s.digitalOutputs(), core.heldPart());
  }

  /** Electrical power drawn right now, watts. */
  public double powerWatts() {
    return core.powerWatts();
  }

  /** Electrical energy drawn since start, joules. */
  public double energyJoules() {
    return core.energyJoules();
  }

  public ByteCounter dashboardBytes() {
    return dashboardBytes;
  }

  /**
   * Tells {@code listener} of every URScript program (or single statement) that arrives on the secondary interface,
   * on the connection's thread as it arrives, before it runs: for measuring when a controller's command got here.
   */
  public void onProgram(Consumer<String> listener) {
    programListeners.add(listener);
  }

  public ByteCounter secondaryBytes() {
    return secondaryBytes;
  }

  public ByteCounter rtdeBytes() {
    return rtdeBytes;
  }

  public ClockStats clockStats() {
    return new ClockStats(cycles.get(), lateCycles.get(), maxLatenessNanos.get() / 1000);
  }

  /** Fault: the robot's safety system stops the arm and the program, as if one of its limits had been violated. */
  public void injectProtectiveStop(String why) {
    core.protectiveStop(why);
  }

  /** Fault: the cell's safety input holds a safeguard stop while {@code on}. */
  public void injectSafeguardStop(boolean on) {
    core.safeguardStop(on);
  }

  /** Fault: every client connection on every interface is closed (the ports stay open for reconnecting). */
  public void dropConnections() {
    rtde.dropConnections();
    dashboard.dropConnections();
    secondary.dropConnections();
  }

  /** Fault: RTDE stops publishing while its connections stay open ({@code false} resumes). */
  public void stallRtde(boolean stalled) {
    rtde.stall(stalled);
  }

  @Override
  public synchronized void close() {
    running = false;
    if (clock != null) {
      clock.interrupt();
    }
    for (AutoCloseable c : new AutoCloseable[] {rtde, dashboard, secondary}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          log.debug("[sim-ur5e] close: {}", e.toString());
        }
      }
    }
  }
}
