package io.cellpilot.robot.ur;

import io.cellpilot.robot.Pose;
import io.cellpilot.robot.RobotCommand;
import java.util.Locale;

/**
 * Turns commands into the URScript programs CellPilot sends on the secondary interface. Each program installs the
 * RTDE watchdog on the register the driver kicks, reports that it started (output register {@code ack}) and that it
 * finished (output register {@code done}) with the command's id, so the driver sees the command's lifecycle in RTDE.
 */
final class UrScript {

  private UrScript() {}

  /** Register numbers and watchdog settings the programs use. */
  record Registers(int watchdogInput, double watchdogMinHz, int ackOutput, int doneOutput) {}

  static String program(long id, RobotCommand command, Registers r) {
    StringBuilder s = new StringBuilder(256);
    s.append("def cellpilot_").append(id).append("():\n");
    // rtde_set_watchdog: the robot stops this program when the input is not updated at min_frequency.
    s.append("  rtde_set_watchdog(\"input_int_register_").append(r.watchdogInput()).append("\", ")
        .append(num(r.watchdogMinHz())).append(", \"stop\")\n");
    s.append("  write_output_integer_register(").append(r.ackOutput()).append(", ").append(id).append(")\n");
    s.append("  ").append(statement(command)).append('\n');
    s.append("  write_output_integer_register(").append(r.doneOutput()).append(", ").append(id).append(")\n");
    s.append("end\n");
    return s.toString();
  }

  /** A program that only stops: sent by {@code stop()}, it replaces whatever runs. */
  static String stopProgram(double decel) {
    return "def cellpilot_stop():\n  stopj(" + num(decel) + ")\nend\n";
  }

  static String statement(RobotCommand command) {
    if (command instanceof RobotCommand.MoveJoints) {
      RobotCommand.MoveJoints m = (RobotCommand.MoveJoints) command;
      return "movej(" + list(m.q()) + ", a=" + num(m.accel()) + ", v=" + num(m.speed()) + ")";
    }
    if (command instanceof RobotCommand.MoveLinear) {
      RobotCommand.MoveLinear m = (RobotCommand.MoveLinear) command;
      return "movel(p" + list(m.target().toArray()) + ", a=" + num(m.accel()) + ", v=" + num(m.speed()) + ")";
    }
    if (command instanceof RobotCommand.SetOutput) {
      RobotCommand.SetOutput o = (RobotCommand.SetOutput) command;
      return "set_standard_digital_out(" + o.output() + ", " + (o.value() ? "True" : "False") + ")";
    }
    RobotCommand.Stop stop = (RobotCommand.Stop) command;
    return "stopj(" + num(stop.decel()) + ")";
  }

  private static String list(double[] v) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < v.length; i++) {
      s.append(i == 0 ? "" : ", ").append(num(v[i]));
    }
    return s.append(']').toString();
  }

  private static String num(double v) {
    if (!Double.isFinite(v)) {
      // The guard rejects these; refuse to write a program the robot would misread.
      throw new IllegalArgumentException("not a finite number: " + v);
    }
    return String.format(Locale.ROOT, "%.6f", v);
  }

  static String describe(Pose p) {
    return String.format(Locale.ROOT, "p[%.4f, %.4f, %.4f, %.4f, %.4f, %.4f]", p.x(), p.y(), p.z(), p.rx(), p.ry(),
        p.rz());
  }
}
