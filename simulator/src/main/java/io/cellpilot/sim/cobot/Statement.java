package io.cellpilot.sim.cobot;

/** One URScript statement of the subset the simulated controller runs (see {@link ScriptParser}). */
sealed interface Statement {

  /** movej: {@code target} is 6 joint positions, or a pose when {@code pose} (then solved by inverse kinematics). */
  record MoveJ(double[] target, boolean pose, double a, double v) implements Statement {}

  /** movel to a pose. */
  record MoveL(double[] pose, double a, double v) implements Statement {}

  /** stopj / stopl: decelerate with {@code a} (rad/s^2 or m/s^2; the simulation brakes every joint at it). */
  record Stop(double a) implements Statement {}

  /** set_standard_digital_out(n, b). */
  record SetDigitalOut(int output, boolean value) implements Statement {}

  /** write_output_integer_register(n, v). */
  record WriteIntRegister(int register, int value) implements Statement {}

  /** write_output_float_register(n, v). */
  record WriteFloatRegister(int register, double value) implements Statement {}

  /** rtde_set_watchdog(variable, min_frequency, action): action is ignore, pause or stop. */
  record SetWatchdog(String variable, double minFrequency, String action) implements Statement {}

  /** sleep(t). */
  record Sleep(double seconds) implements Statement {}

  /** sync(): let one control cycle pass. */
  record Sync() implements Statement {}

  /** textmsg(s): goes to the log. */
  record TextMsg(String text) implements Statement {}
}
