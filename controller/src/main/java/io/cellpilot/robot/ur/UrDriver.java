package io.cellpilot.robot.ur;

import io.cellpilot.robot.CommandHandle;
import io.cellpilot.robot.DriverState;
import io.cellpilot.robot.RobotCommand;
import io.cellpilot.robot.RobotDriver;
import io.cellpilot.robot.RobotException;
import io.cellpilot.robot.RobotException.Code;
import io.cellpilot.robot.RobotStatus;
import io.cellpilot.robot.guard.CellContext;
import io.cellpilot.robot.guard.CommandGuard;
import io.cellpilot.robot.guard.GuardInput;
import io.cellpilot.robot.guard.RejectionCounters;
import io.cellpilot.robot.guard.Verdict;
import io.cellpilot.robot.kinematics.DhKinematics;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Universal Robots driver: state from RTDE, commands as URScript programs on the secondary interface, power and
 * brakes through the dashboard server. Every command passes the {@link CommandGuard} first. A scheduler kicks the
 * RTDE watchdog register that each program watches (rtde_set_watchdog), and puts the driver in FAULT when RTDE data
 * stops or a link closes.
 */
public final class UrDriver implements RobotDriver {

  private static final Logger log = LoggerFactory.getLogger(UrDriver.class);

  private final UrDriverConfig config;
  private final CommandGuard guard;
  private final RejectionCounters rejections = new RejectionCounters();
  private final CommandTracker tracker = new CommandTracker(0, 1);
  private final UrScript.Registers registers;
  private final List<Consumer<DriverState>> listeners = new CopyOnWriteArrayList<>();
  private final Object lifecycle = new Object();
  private final Object submitLock = new Object();
  private final AtomicLong nextId = new AtomicLong(1);
  private volatile DriverState state = DriverState.UNCONFIGURED;
  private volatile CellContext cell = CellContext.NO_SENSOR;
  private volatile UrLinks links;
  private volatile double speedFraction = 1.0;
  private volatile boolean kicksHeld;
  private ScheduledExecutorService scheduler;
  private final UrRobotState robot;
  private volatile int watchdogCounter;

  public UrDriver(UrDriverConfig config) {
    this.config = config.validate();
    this.guard = new CommandGuard(config.limits(), DhKinematics.forModel(config.model()));
    this.robot = new UrRobotState(config.id());
    this.registers = new UrScript.Registers(config.watchdogRegister(), config.watchdogRobotMinHz(),
        config.ackRegister(), config.doneRegister());
  }

  @Override
  public String id() {
    return config.id();
  }

  @Override
  public DriverState state() {
    return state;
  }

  @Override
  public Optional<RobotStatus> status() {
    return Optional.ofNullable(robot.status());
  }

  public RejectionCounters rejections() {
    return rejections;
  }

  /** Package timing of the RTDE stream measured here (late / missed packages). */
  public RtdeStats rtdeStats() {
    UrLinks l = links;
    return l == null ? new RtdeStats() : l.rtde.stats();
  }

  @Override
  public void configure() {
    synchronized (lifecycle) {
      if (state != DriverState.UNCONFIGURED) {
        throw new RobotException(Code.WRONG_STATE, "[" + id() + "] configure() needs UNCONFIGURED, is " + state);
      }
      connect();
      scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ur-watchdog-" + id());
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        return t;
      });
      long period = 1_000_000L / config.watchdogKickHz();
      scheduler.scheduleAtFixedRate(this::watchdogCycle, period, period, TimeUnit.MICROSECONDS);
      changeState(DriverState.INACTIVE);
    }
  }

  private void connect() {
    robot.reset();
    links = UrLinks.open(config, new RtdeListener(), e -> fault("secondary interface link lost: " + e.getMessage()));
    RobotStatus first = awaitStatus(s -> true, "a first RTDE report");
    // Ids continue above what the robot's registers hold, so an old program's report never completes a new command.
    int[] r = robot.registers();
    nextId.set(Math.max(nextId.get(), Math.max(r[0], r[1]) + 1L));
    log.info("[{}] connected: robot mode {}, safety mode {}", id(), first.robotMode(), first.safetyMode());
  }

  @Override
  public void activate() {
    synchronized (lifecycle) {
      if (state == DriverState.UNCONFIGURED) {
        throw new RobotException(Code.WRONG_STATE, "[" + id() + "] activate() needs configure() first");
      }
      if (state == DriverState.FAULT) {
        reconnect();
      }
      UrPowerUp.run(id(), links.dashboard, robot, config.activationTimeout());
      speedFraction = 1.0;
      changeState(DriverState.ACTIVE);
    }
  }

  @Override
  public void deactivate() {
    synchronized (lifecycle) {
      if (state == DriverState.ACTIVE) {
        stop();
        changeState(DriverState.INACTIVE);
      } else if (state == DriverState.FAULT) {
        reconnect();
        changeState(DriverState.INACTIVE);
      }
    }
  }

  private void reconnect() {
    UrLinks old = links;
    if (old != null) {
      old.close();
    }
    connect();
  }

  /** Unlocks a protective stop through the dashboard, after someone inspected its cause (UR allows it after 5 s). */
  public void unlockProtectiveStop() {
    UrLinks l = requireLinks();
    l.dashboard.closeSafetyPopup();
    l.dashboard.unlockProtectiveStop();
  }

  @Override
  public CommandHandle submit(RobotCommand command) {
    long submitted = System.nanoTime();
    if (command instanceof RobotCommand.Stop) {
      return submitStop((RobotCommand.Stop) command, submitted);
    }
    synchronized (submitLock) {
      Verdict verdict = guard.check(command, new GuardInput(state, robot.status(), tracker.busy(), cell, submitted));
      if (verdict instanceof Verdict.Reject) {
        Verdict.Reject r = (Verdict.Reject) verdict;
        rejections.increment(r.reason());
        log.warn("[{}] rejected {}: {} {}", id(), command, r.reason(), r.detail());
        return Handles.rejected(nextId.getAndIncrement(), r, submitted);
      }
      Verdict.Accept accept = (Verdict.Accept) verdict;
      long id = nextId.getAndIncrement();
      UrLinks l = links;
      try {
        if (accept.speedFraction() != speedFraction) {
          speedFraction = accept.speedFraction();
          l.sendInputs(speedFraction, watchdogCounter);
          if (accept.speedFraction() < 1) {
            log.info("[{}] command {}: {}", id(), id, accept.note());
          }
        }
        String script = UrScript.program(id, command, registers);
        CommandHandle handle = tracker.begin(id, command, submitted, submitted
            + CommandDeadlines.nanos(command, robot.status(), speedFraction, config.commandTimeoutMargin()));
        tracker.sent(id, l.secondary.send(script));
        return handle;
      } catch (Exception e) {
        tracker.failCurrent("could not send: " + e.getMessage(), System.nanoTime());
        fault("secondary interface write failed: " + e.getMessage());
        return Handles.failed(id, submitted, "could not send: " + e.getMessage());
      }
    }
  }

  private CommandHandle submitStop(RobotCommand.Stop stop, long submitted) {
    long id = nextId.getAndIncrement();
    UrLinks l = links;
    if (l == null || state == DriverState.UNCONFIGURED) {
      return Handles.failed(id, submitted, "not connected");
    }
    tracker.failCurrent("stopped by a stop command", submitted);
    CommandHandle handle = tracker.begin(id, stop, submitted, submitted + 10_000_000_000L);
    tracker.sent(id, sendStop(stop.decel()));
    return handle;
  }

  @Override
  public void stop() {
    try {
      tracker.failCurrent("stopped", System.nanoTime());
      sendStop(config.stopDeceleration());
    } catch (RuntimeException e) {
      log.error("[{}] stop failed", id(), e);
    }
  }

  /** Sends stopj on the secondary interface, or the dashboard's stop when that fails. Never throws. */
  private long sendStop(double decel) {
    UrLinks l = links;
    if (l == null) {
      return 0;
    }
    try {
      return l.secondary.send(UrScript.stopProgram(decel));
    } catch (Exception e) {
      log.warn("[{}] stopj on the secondary interface failed ({}), trying the dashboard", id(), e.getMessage());
    }
    try {
      l.dashboard.stopProgram();
      return System.nanoTime();
    } catch (Exception e) {
      log.error("[{}] dashboard stop failed too: {}", id(), e.getMessage());
      return 0;
    }
  }

  @Override
  public void updateCellContext(CellContext context) {
    cell = context;
    RobotCommand running = tracker.currentCommand();
    if (running == null || !running.isMotion() || state != DriverState.ACTIVE) {
      return;
    }
    Verdict v = guard.separationFor(running, new GuardInput(state, robot.status(), true, context, System.nanoTime()));
    if (v instanceof Verdict.Reject) {
      log.warn("[{}] stopping: {}", id(), v);
      rejections.increment(((Verdict.Reject) v).reason());
      stop();
    } else if (((Verdict.Accept) v).speedFraction() != speedFraction) {
      long before = Math.round(speedFraction * 100);
      speedFraction = ((Verdict.Accept) v).speedFraction();
      // The zone sensor feeds a reading ten times a second: log when the percentage changes, not every reading.
      if (Math.round(speedFraction * 100) != before) {
        log.info("[{}] speed now {}%: {}", id(), Math.round(speedFraction * 100), ((Verdict.Accept) v).note());
      }
    }
  }

  /**
   * For commissioning drills only: stops (or resumes) the watchdog kicks while everything else keeps running, to
   * show that the robot-side watchdog stops the program when the controller falls silent.
   */
  public void holdWatchdogKicks(boolean hold) {
    kicksHeld = hold;
  }

  @Override
  public double energyJoules() {
    return robot.energyJoules();
  }

  @Override
  public void onStateChange(Consumer<DriverState> listener) {
    listeners.add(listener);
  }

  private void watchdogCycle() {
    try {
      long now = System.nanoTime();
      DriverState s = state;
      if (s == DriverState.INACTIVE || s == DriverState.ACTIVE) {
        long silent = robot.silentNanos(now);
        if (silent > config.rtdeTimeout().toNanos()) {
          fault("no RTDE data for " + silent / 1_000_000 + " ms (limit " + config.rtdeTimeout().toMillis() + " ms)");
          return;
        }
        if (!kicksHeld) {
          links.sendInputs(speedFraction, ++watchdogCounter);
        }
      }
      if (tracker.overdue(now)) {
        tracker.failCurrent("no report from the robot by the deadline", now);
      }
    } catch (Exception e) {
      fault("watchdog kick failed: " + e.getMessage());
    }
  }

  private void fault(String why) {
    synchronized (this) {
      if (state == DriverState.FAULT || state == DriverState.UNCONFIGURED) {
        return;
      }
      state = DriverState.FAULT;
    }
    log.error("[{}] FAULT: {}", id(), why);
    tracker.abandon("driver fault: " + why, System.nanoTime());
    sendStop(config.stopDeceleration());
    notifyListeners(DriverState.FAULT);
  }

  private void changeState(DriverState next) {
    synchronized (this) {
      state = next;
    }
    log.info("[{}] {}", id(), next);
    notifyListeners(next);
  }

  private void notifyListeners(DriverState s) {
    for (Consumer<DriverState> l : listeners) {
      try {
        l.accept(s);
      } catch (RuntimeException e) {
        log.warn("[{}] state listener failed", id(), e);
      }
    }
  }

  private RobotStatus awaitStatus(Predicate<RobotStatus> condition, String what) {
    return robot.await(condition, what, config.activationTimeout());
  }

  private UrLinks requireLinks() {
    UrLinks l = links;
    if (l == null) {
      throw new RobotException(Code.WRONG_STATE, "[" + id() + "] not connected; configure() first");
    }
    return l;
  }

  @Override
  public void close() {
    stop();
    synchronized (lifecycle) {
      if (scheduler != null) {
        scheduler.shutdownNow();
      }
      synchronized (this) {
        state = DriverState.UNCONFIGURED;
      }
      UrLinks l = links;
      links = null;
      if (l != null) {
        l.close();
      }
      tracker.abandon("driver closed", System.nanoTime());
    }
  }

  /** Receives RTDE on its reader thread. */
  private final class RtdeListener implements RtdeClient.Listener {
    @Override
    public void onData(Object[] values, long receivedNanos) {
      RobotStatus s = robot.update(values, receivedNanos);
      tracker.onStatus(s, UrStatusDecoder.registers(values), receivedNanos);
    }

    @Override
    public void onMessage(String text, int level) {
      // RTDE message levels: 0 exception, 1 error, 2 warning, 3 info.
      if (level <= 1) {
        log.warn("[{}] robot reports: {}", id(), text);
        tracker.onRobotError(text, System.nanoTime());
      } else {
        log.info("[{}] robot says: {}", id(), text);
      }
    }

    @Override
    public void onClosed(Exception cause) {
      fault("RTDE link lost: " + (cause == null ? "closed" : cause.getMessage()));
    }
  }
}
