package io.cellpilot.sim.cobot;

import io.cellpilot.sim.cobot.UrModes.RobotMode;
import io.cellpilot.sim.cobot.UrModes.RuntimeState;
import io.cellpilot.sim.cobot.UrModes.SafetyMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated robot controller: modes, the running program, registers, I/O, the gripper and the arm, advanced one
 * control cycle at a time by the RTDE clock. Every method is synchronized: the three servers call in from their own
 * threads.
 */
final class CobotCore implements ProgramRunner.Machine {

  private static final Logger log = LoggerFactory.getLogger(CobotCore.class);
  /** Real controllers take seconds to power up and release brakes; the simulation keeps the order, not the wait. */
  private static final double POWER_UP_SECONDS = 0.2;
  private static final double BRAKE_RELEASE_SECONDS = 0.3;
  private static final double PREEMPT_DECELERATION = 10.0;

  private final CobotConfig config;
  private final String name;
  private final Arm arm;
  private final PowerModel power;
  private final Consumer<String> errors;
  private RobotMode robotMode = RobotMode.POWER_OFF;
  private SafetyMode safetyMode = SafetyMode.NORMAL;
  private double modeChangeIn = -1;
  private ProgramRunner program;
  private boolean paused;
  private String loadedProgram;
  private double clock;
  private double protectiveStopAt = Double.NEGATIVE_INFINITY;
  private long digitalOutputs;
  private String heldPart;
  private final int[] outInt = new int[48];
  private final double[] outDouble = new double[48];
  private final int[] inInt = new int[48];
  private final double[] inDouble = new double[48];
  private final Map<String, Double> inputWrittenAt = new HashMap<>();
  private long sliderMask;
  private double sliderFraction = 1.0;
  private double energyJoules;
  private double[] targetQ;
  private double[] lastPose;
  private volatile Snapshot snapshot;
  private volatile double lastWatts;

  CobotCore(CobotConfig config, String name, Consumer<String> errors) {
    this.config = config;
    this.name = name;
    this.arm = new Arm(config.home());
    this.power = new PowerModel(config.seed());
    this.errors = errors;
    this.targetQ = config.home();
    this.lastPose = Ur5eKinematics.forward(targetQ);
    this.snapshot = buildSnapshot(new double[6]);
  }

  /** Advances the controller by one control cycle of {@code dt} seconds. */
  synchronized void tick(double dt) {
    clock += dt;
    advanceModes(dt);
    Arm.Step step = arm.step(dt, paused ? 0 : speedScaling());
    double[] q = arm.q();
    double[] qd = arm.qd();
    double[] pose = Ur5eKinematics.forward(q);
    double[] tcpSpeed = new double[6];
    for (int i = 0; i < 6; i++) {
      tcpSpeed[i] = i < 3 ? (pose[i] - lastPose[i]) / dt : 0;
    }
    lastPose = pose;
    if (step == Arm.Step.PATH_UNREACHABLE) {
      endProgram("movel: inverse kinematics failed, the path leaves the arm's reach");
    }
    checkOwnLimits(q, qd, tcpSpeed);
    if (program != null && !paused) {
      runProgramCycle(dt);
    }
    power.update(q, qd, arm.qdd(), robotMode.code >= RobotMode.POWER_ON.code, robotMode == RobotMode.RUNNING);
    energyJoules += power.watts() * dt;
    lastWatts = power.watts();
    snapshot = buildSnapshot(tcpSpeed);
  }

  private void advanceModes(double dt) {
    if (modeChangeIn < 0) {
      return;
    }
    modeChangeIn -= dt;
    if (modeChangeIn <= 0) {
      modeChangeIn = -1;
      robotMode = robotMode == RobotMode.POWER_ON ? RobotMode.IDLE : RobotMode.RUNNING;
    }
  }

  private void checkOwnLimits(double[] q, double[] qd, double[] tcpSpeed) {
    if (safetyMode != SafetyMode.NORMAL && safetyMode != SafetyMode.REDUCED) {
      return;
    }
    double[] min = config.jointMin();
    double[] max = config.jointMax();
    for (int i = 0; i < 6; i++) {
      if (q[i] < min[i] || q[i] > max[i]) {
        protectiveStop(String.format("joint %d position %.3f rad outside its limits", i, q[i]));
        return;
      }
      if (Math.abs(qd[i]) > config.maxJointSpeed() * 1.05) {
        protectiveStop(String.format("joint %d speed %.3f rad/s over its limit %.3f", i, qd[i],
            config.maxJointSpeed()));
        return;
      }
    }
    double v = Math.sqrt(tcpSpeed[0] * tcpSpeed[0] + tcpSpeed[1] * tcpSpeed[1] + tcpSpeed[2] * tcpSpeed[2]);
    if (v > config.maxTcpSpeed() * 1.05) {
      protectiveStop(String.format("TCP speed %.3f m/s over its limit %.3f", v, config.maxTcpSpeed()));
    }
  }

  private void runProgramCycle(double dt) {
    ProgramRunner running = program;
    ProgramRunner.Status status = running.cycle(dt);
    if (program != running) {
      return; // a protective stop inside the cycle has already ended it
    }
    switch (status) {
      case FINISHED:
        log.debug("[{}] program {} finished", name, program.name());
        program = null;
        break;
      case FAILED:
        endProgram(program.failure());
        break;
      case WATCHDOG_STOP:
        arm.brake(config.maxJointAccel());
        endProgram(program.failure() + ": program stopped");
        break;
      case WATCHDOG_PAUSE:
        errors.accept(program.failure() + ": program paused");
        pause();
        break;
      default:
        break;
    }
  }

  private void endProgram(String why) {
    if (program != null) {
      log.warn("[{}] program {} stopped: {}", name, program.name(), why);
      errors.accept(why);
    }
    program = null;
    paused = false;
  }

  /** Stops the arm and the program, as the robot's safety system does when one of its limits is violated. */
  synchronized void protectiveStop(String why) {
    log.warn("[{}] protective stop: {}", name, why);
    safetyMode = SafetyMode.PROTECTIVE_STOP;
    protectiveStopAt = clock;
    arm.brake(config.maxJointAccel());
    boolean hadProgram = program != null;
    endProgram("Protective stop: " + why);
    if (!hadProgram) {
      errors.accept("Protective stop: " + why);
    }
  }

  /**
   * A safeguard stop from the cell's safety input (e.g. a light curtain wired to the robot): the arm stops and the
   * program ends while {@code on}; normal again when released.
   */
  synchronized void safeguardStop(boolean on) {
    if (on) {
      safetyMode = SafetyMode.SAFEGUARD_STOP;
      arm.brake(config.maxJointAccel());
      endProgram("Safeguard stop");
    } else if (safetyMode == SafetyMode.SAFEGUARD_STOP) {
      safetyMode = SafetyMode.NORMAL;
    }
  }

  /** Compiles and starts a URScript program received on the secondary interface, replacing any running one. */
  synchronized void runScript(String text) {
    ScriptProgram parsed;
    try {
      parsed = ScriptParser.parse(text);
    } catch (ScriptException e) {
      log.warn("[{}] script rejected: {}", name, e.getMessage());
      errors.accept("Compile error: " + e.getMessage());
      return;
    }
    if (robotMode != RobotMode.RUNNING || !motionAllowedBySafety()) {
      errors.accept("Cannot start program " + parsed.name() + ": robot mode " + robotMode + ", safety mode "
          + safetyMode);
      return;
    }
    if (program != null) {
      arm.brake(PREEMPT_DECELERATION);
    }
    program = new ProgramRunner(parsed, this);
    paused = false;
    log.debug("[{}] program {} started", name, parsed.name());
  }

  private boolean motionAllowedBySafety() {
    return safetyMode == SafetyMode.NORMAL || safetyMode == SafetyMode.REDUCED;
  }

  @Override
  public String startMove(Statement move) {
    if (robotMode != RobotMode.RUNNING) {
      return "robot mode " + robotMode + " does not allow motion";
    }
    MotionPlanner.Plan plan = MotionPlanner.plan(move, arm.q(), config);
    if (plan.protectiveStop()) {
      protectiveStop(plan.error());
      return "protective stop";
    }
    if (plan.error() != null) {
      return plan.error();
    }
    targetQ = plan.targetQ();
    arm.follow(plan.motion());
    return null;
  }

  @Override
  public void brake(double accel) {
    arm.brake(accel);
  }

  @Override
  public boolean armMoving() {
    return arm.moving();
  }

  @Override
  public void setDigitalOut(int output, boolean value) {
    long before = digitalOutputs;
    digitalOutputs = value ? digitalOutputs | (1L << output) : digitalOutputs & ~(1L << output);
    if (output != config.gripperOutput() || before == digitalOutputs) {
      return;
    }
    double[] p = Ur5eKinematics.forward(arm.q());
    if (value) {
      heldPart = config.partHandling().grip(p[0], p[1], p[2]).orElse(null);
      log.debug("[{}] gripper closed at {}, {}, {}: {}", name, p[0], p[1], p[2], heldPart);
    } else if (heldPart != null) {
      config.partHandling().release(heldPart, p[0], p[1], p[2]);
      log.debug("[{}] gripper opened, released {}", name, heldPart);
      heldPart = null;
    }
  }

  @Override
  public void writeIntRegister(int register, int value) {
    outInt[register] = value;
  }

  @Override
  public void writeFloatRegister(int register, double value) {
    outDouble[register] = value;
  }

  @Override
  public double inputAge(String variable) {
    return clock - inputWrittenAt.getOrDefault(variable, clock);
  }

  @Override
  public void log(String text) {
    log.info("[{}] textmsg: {}", name, text);
  }

  /** Applies one RTDE input value; the RTDE server has checked the name and type against its recipe. */
  synchronized void writeInput(String variable, Object value) {
    inputWrittenAt.put(variable, clock);
    if (variable.equals("speed_slider_mask")) {
      sliderMask = ((Number) value).longValue();
    } else if (variable.equals("speed_slider_fraction")) {
      sliderFraction = ((Number) value).doubleValue();
    } else if (variable.startsWith("input_int_register_")) {
      inInt[Integer.parseInt(variable.substring(19))] = ((Number) value).intValue();
    } else if (variable.startsWith("input_double_register_")) {
      inDouble[Integer.parseInt(variable.substring(22))] = ((Number) value).doubleValue();
    }
  }

  private double speedScaling() {
    if ((sliderMask & 1) == 0) {
      return 1.0;
    }
    return Double.isFinite(sliderFraction) ? Math.max(0, Math.min(1, sliderFraction)) : 0;
  }

  // --- dashboard server operations -------------------------------------------------------------------------

  synchronized void powerOn() {
    if (robotMode == RobotMode.POWER_OFF) {
      robotMode = RobotMode.POWER_ON;
      modeChangeIn = POWER_UP_SECONDS;
    }
  }

  synchronized void powerOff() {
    endProgram("robot powered off");
    arm.brake(Double.POSITIVE_INFINITY);
    robotMode = RobotMode.POWER_OFF;
    modeChangeIn = -1;
  }

  synchronized void brakeRelease() {
    if (robotMode == RobotMode.IDLE) {
      modeChangeIn = BRAKE_RELEASE_SECONDS;
    }
  }

  /** Resumes a paused program or starts the loaded one; false when there is nothing to play or the robot is not ready. */
  synchronized boolean play() {
    if (robotMode != RobotMode.RUNNING || !motionAllowedBySafety()) {
      return false;
    }
    if (program != null && paused) {
      paused = false;
      program.restartCurrentMotion();
      return true;
    }
    if (loadedProgram == null) {
      return false;
    }
    // The loaded .urp stands for a program that waits for work; it runs until stopped or replaced.
    program = new ProgramRunner(new ScriptProgram(loadedProgram,
        List.of(new Statement.Sleep(Double.POSITIVE_INFINITY))), this);
    return true;
  }

  synchronized void stopProgram() {
    if (program != null) {
      arm.brake(PREEMPT_DECELERATION);
      program = null;
    }
    paused = false;
  }

  synchronized boolean pause() {
    if (program == null || paused) {
      return false;
    }
    paused = true;
    arm.brake(PREEMPT_DECELERATION);
    return true;
  }

  /** Null when unlocked, else why not. */
  synchronized String unlockProtectiveStop() {
    if (safetyMode != SafetyMode.PROTECTIVE_STOP) {
      return null;
    }
    if (clock - protectiveStopAt < config.protectiveStopUnlockDelay().toNanos() / 1e9) {
      return "too soon";
    }
    safetyMode = SafetyMode.NORMAL;
    return null;
  }

  synchronized void load(String program) {
    loadedProgram = program;
  }

  synchronized String loadedProgram() {
    return loadedProgram;
  }

  synchronized String programName() {
    return program != null ? program.name() : loadedProgram;
  }

  synchronized RobotMode robotMode() {
    return robotMode;
  }

  synchronized SafetyMode safetyMode() {
    return safetyMode;
  }

  synchronized RuntimeState runtimeState() {
    return program == null ? RuntimeState.STOPPED : paused ? RuntimeState.PAUSED : RuntimeState.PLAYING;
  }

  Snapshot snapshot() {
    return snapshot;
  }

  synchronized double energyJoules() {
    return energyJoules;
  }

  /**
   * Power after the last control cycle. Not synchronized: the cell's power meter reads it under the cell model's lock
   * while this core, under its own lock, may be calling into the cell to grip a part.
   */
  double powerWatts() {
    return lastWatts;
  }

  synchronized Optional<String> heldPart() {
    return Optional.ofNullable(heldPart);
  }

  private Snapshot buildSnapshot(double[] tcpSpeed) {
    RuntimeState runtime = runtimeState();
    double[] currents = power.currents();
    double[] voltages = new double[6];
    java.util.Arrays.fill(voltages, robotMode.code >= RobotMode.POWER_ON.code ? PowerModel.BUS_VOLTAGE : 0);
    double robotVoltage = robotMode.code >= RobotMode.POWER_ON.code ? PowerModel.BUS_VOLTAGE : 0;
    double robotCurrent = robotVoltage > 0 ? power.watts() / robotVoltage : 0;
    double scaling = paused ? 0 : speedScaling();
    return new Snapshot(clock, arm.q(), arm.qd(), targetQ.clone(), lastPose.clone(), tcpSpeed, robotMode,
        safetyMode, runtime, scaling, speedScaling(), currents, voltages, robotVoltage, robotCurrent, digitalOutputs,
        outInt.clone(), outDouble.clone(), inInt.clone(), inDouble.clone());
  }
}
