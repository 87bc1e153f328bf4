package io.cellpilot.sim.cobot;

/**
 * Runs one {@link ScriptProgram} a control cycle at a time, as the UR controller's interpreter does: a motion
 * statement holds the program until the arm arrives, {@code sleep} until its time has passed, everything else runs at
 * once. It also keeps the program's RTDE watchdog ({@code rtde_set_watchdog}), which ends with the program.
 */
final class ProgramRunner {

  /** What the program can do to the robot; the controller core implements it. */
  interface Machine {
    /** Starts a move; returns an error text (the program then stops) or null. */
    String startMove(Statement move);

    void brake(double accel);

    boolean armMoving();

    void setDigitalOut(int output, boolean value);

    void writeIntRegister(int register, int value);

    void writeFloatRegister(int register, double value);

    /** Seconds since the RTDE input {@code variable} was last written by a client. */
    double inputAge(String variable);

    void log(String text);
  }

  /** Outcome of one cycle. */
  enum Status { RUNNING, FINISHED, FAILED, WATCHDOG_STOP, WATCHDOG_PAUSE }

  private final ScriptProgram program;
  private final Machine machine;
  private int pc;
  private boolean waitingForArm;
  private double sleepLeft;
  private String watchdogVariable;
  private double watchdogPeriod;
  private String watchdogAction;
  private String failure = "";

  ProgramRunner(ScriptProgram program, Machine machine) {
    this.program = program;
    this.machine = machine;
  }

  String name() {
    return program.name();
  }

  String failure() {
    return failure;
  }

  /** Makes the current motion statement run again from where the arm stands (after a pause). */
  void restartCurrentMotion() {
    waitingForArm = false;
  }

  Status cycle(double dt) {
    if (watchdogVariable != null && machine.inputAge(watchdogVariable) > watchdogPeriod) {
      failure = "RTDE input watchdog: " + watchdogVariable + " not updated within "
          + Math.round(watchdogPeriod * 1000) + " ms";
      return "pause".equals(watchdogAction) ? Status.WATCHDOG_PAUSE : Status.WATCHDOG_STOP;
    }
    if (sleepLeft > 0) {
      sleepLeft -= dt;
      return Status.RUNNING;
    }
    while (pc < program.statements().size()) {
      if (waitingForArm) {
        if (machine.armMoving()) {
          return Status.RUNNING;
        }
        waitingForArm = false;
        pc++;
        continue;
      }
      Statement s = program.statements().get(pc);
      if (s instanceof Statement.MoveJ || s instanceof Statement.MoveL) {
        if (machine.armMoving()) {
          return Status.RUNNING; // a previous program's motion is still braking
        }
        String error = machine.startMove(s);
        if (error != null) {
          failure = error;
          return Status.FAILED;
        }
        waitingForArm = true;
        return Status.RUNNING;
      }
      pc++;
      if (s instanceof Statement.Stop) {
        double a = ((Statement.Stop) s).a();
        if (!(a > 0) || !Double.isFinite(a)) {
          failure = "stopj/stopl: deceleration must be positive, was " + a;
          return Status.FAILED;
        }
        machine.brake(a);
        pc--;
        waitingForArm = true;
      } else if (s instanceof Statement.SetDigitalOut) {
        Statement.SetDigitalOut o = (Statement.SetDigitalOut) s;
        machine.setDigitalOut(o.output(), o.value());
      } else if (s instanceof Statement.WriteIntRegister) {
        Statement.WriteIntRegister w = (Statement.WriteIntRegister) s;
        machine.writeIntRegister(w.register(), w.value());
      } else if (s instanceof Statement.WriteFloatRegister) {
        Statement.WriteFloatRegister w = (Statement.WriteFloatRegister) s;
        machine.writeFloatRegister(w.register(), w.value());
      } else if (s instanceof Statement.SetWatchdog) {
        Statement.SetWatchdog w = (Statement.SetWatchdog) s;
        if (!(w.minFrequency() > 0) || !w.variable().startsWith("input_")) {
          failure = "rtde_set_watchdog: needs an input variable and a positive frequency";
          return Status.FAILED;
        }
        watchdogVariable = w.variable();
        watchdogPeriod = 1.0 / w.minFrequency();
        watchdogAction = w.action();
        if ("ignore".equals(watchdogAction)) {
          watchdogVariable = null;
        }
      } else if (s instanceof Statement.Sleep) {
        sleepLeft = ((Statement.Sleep) s).seconds();
        return Status.RUNNING;
      } else if (s instanceof Statement.Sync) {
        return Status.RUNNING;
      } else if (s instanceof Statement.TextMsg) {
        machine.log(((Statement.TextMsg) s).text());
      }
    }
    return Status.FINISHED;
  }
}
