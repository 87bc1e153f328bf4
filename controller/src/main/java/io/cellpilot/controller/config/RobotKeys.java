package io.cellpilot.controller.config;

import static io.cellpilot.controller.config.ValueType.BOOLEAN;
import static io.cellpilot.controller.config.ValueType.DECIMAL;
import static io.cellpilot.controller.config.ValueType.DECIMAL_LIST;
import static io.cellpilot.controller.config.ValueType.DURATION;
import static io.cellpilot.controller.config.ValueType.INTEGER;
import static io.cellpilot.controller.config.ValueType.INTEGER_LIST;
import static io.cellpilot.controller.config.ValueType.STRING;

import java.util.List;

/**
 * The robot keys ({@code cellpilot.robots.*}): the UR driver's connection and timing, the guard's limits, the zone
 * sensor feeding speed and separation monitoring, and the reject pick. The guard's ranges are the ones ur_rtde
 * enforces (docs/robot.md); configuration may only be tighter. Defaults are {@code UrDriverConfig.defaults} and
 * {@code GuardLimits.ur5eDefaults}.
 */
final class RobotKeys {
  private static final String R = "cellpilot.robots.*.";
  static final String UR_HOME = "0, -1.5708, 1.5708, -1.5708, -1.5708, 0";

  static final List<ConfigKey> KEYS = List.of(
      ConfigKey.of(R + "host", STRING, "127.0.0.1", "robot controller address"),
      ConfigKey.of(R + "model", STRING, "ur5e", "arm model (its kinematics for the guard)").oneOf("ur3e", "ur5e",
          "ur10e"),
      ConfigKey.of(R + "dashboard-port", INTEGER, "29999", "Dashboard server port").range(1, 65535, ""),
      ConfigKey.of(R + "secondary-port", INTEGER, "30002", "secondary interface port").range(1, 65535, ""),
      ConfigKey.of(R + "rtde-port", INTEGER, "30004", "RTDE port").range(1, 65535, ""),
      ConfigKey.of(R + "rtde-frequency", INTEGER, "500", "RTDE output rate (125 on CB3)").range(1, 500, "Hz"),
      ConfigKey.of(R + "rtde-timeout", DURATION, "250ms", "no RTDE data this long puts the driver in FAULT")
          .range(0.006, 5, "s"),
      ConfigKey.of(R + "connect-timeout", DURATION, "2s", "TCP connect timeout per interface").range(0.1, 60, "s"),
      ConfigKey.of(R + "activation-timeout", DURATION, "15s", "power on and brake release must finish within this")
          .range(1, 300, "s"),
      ConfigKey.of(R + "auto-activate", BOOLEAN, "false",
          "power on, release the brakes and accept motion at start and after a link fault (false: an operator "
              + "activates)"),
      ConfigKey.of(R + "reconnect-delay", DURATION, "5s", "wait between attempts to reach the robot")
          .range(0.1, 600, "s"),
      ConfigKey.of(R + "watchdog.kick-hz", INTEGER, "25", "how often the driver kicks the RTDE watchdog")
          .range(10, 250, "Hz"),
      ConfigKey.of(R + "watchdog.robot-min-hz", DECIMAL, "5", "below this kick rate the robot stops the program"),
      ConfigKey.of(R + "watchdog.register", INTEGER, "24", "input_int_register the driver kicks").range(24, 47, ""),
      ConfigKey.of(R + "ack-register", INTEGER, "24", "output_int_register a program sets when it starts")
          .range(24, 47, ""),
      ConfigKey.of(R + "done-register", INTEGER, "25", "output_int_register a program sets when it finishes")
          .range(24, 47, ""),
      ConfigKey.of(R + "command-timeout-margin", DURATION, "2s", "added to a command's nominal duration")
          .range(0, 600, "s"),
      ConfigKey.of(R + "stop-deceleration", DECIMAL, "3.0", "stopj deceleration").range(0.01, 40, "rad/s^2"),
      ConfigKey.of(R + "joint-min", DECIMAL_LIST, "-6.283, -6.283, -3.141, -6.283, -6.283, -6.283",
          "lowest joint positions, base first (6 values, rad)"),
      ConfigKey.of(R + "joint-max", DECIMAL_LIST, "6.283, 6.283, 3.141, 6.283, 6.283, 6.283",
          "highest joint positions (6 values, rad)"),
      ConfigKey.of(R + "joint-margin", DECIMAL, "0.05", "kept away from the joint limits").range(0, 0.5, "rad"),
      ConfigKey.of(R + "max-joint-speed", DECIMAL, "1.5", "joint speed limit").range(0, 3.14, "rad/s"),
      ConfigKey.of(R + "max-joint-acceleration", DECIMAL, "3.0", "joint acceleration limit").range(0, 40, "rad/s^2"),
      ConfigKey.of(R + "max-tcp-speed", DECIMAL, "0.5", "tool speed limit applied by the guard").range(0, 3.0, "m/s"),
      ConfigKey.of(R + "max-tcp-acceleration", DECIMAL, "2.0", "tool acceleration limit").range(0, 150, "m/s^2"),
      ConfigKey.of(R + "workspace.min", DECIMAL_LIST, "-0.9, -0.9, 0.0", "workspace box corner x, y, z (m, base)"),
      ConfigKey.of(R + "workspace.max", DECIMAL_LIST, "0.9, 0.9, 1.1", "opposite workspace corner x, y, z (m)"),
      ConfigKey.of(R + "forbidden-zones.*.min", DECIMAL_LIST, null, "a box the tool must not enter: corner x, y, z"),
      ConfigKey.of(R + "forbidden-zones.*.max", DECIMAL_LIST, null, "its opposite corner x, y, z"),
      ConfigKey.of(R + "allowed-outputs", INTEGER_LIST, "0, 1, 2, 3", "standard digital outputs commands may set"),
      ConfigKey.of(R + "status-max-age", DURATION, "200ms", "older robot reports refuse motion")
          .range(0.001, 10, "s"),
      ConfigKey.of(R + "zone.occupied-tag", STRING, null,
          "PLC boolean tag of the zone sensor (e.g. plc.zone-occupied); absent: no zone sensor"),
      ConfigKey.of(R + "zone.distance-tag", STRING, null, "PLC tag: distance of the nearest person (m)"),
      ConfigKey.of(R + "zone.max-age", DURATION, "500ms", "an older zone reading refuses (and stops) motion")
          .range(0.01, 10, "s"),
      ConfigKey.of(R + "zone.poll-interval", DURATION, "100ms", "how often the zone tags are read from the PLC")
          .range(0.01, 5, "s"),
      ConfigKey.of(R + "separation.human-speed", DECIMAL, "1.6", "assumed approach speed of a person")
          .range(0, 5, "m/s"),
      ConfigKey.of(R + "separation.reaction-time", DECIMAL, "0.1", "zone sensor to speed slider").range(0, 5, "s"),
      ConfigKey.of(R + "separation.stopping-time", DECIMAL, "0.3", "robot stopping time").range(0, 5, "s"),
      ConfigKey.of(R + "separation.intrusion-distance", DECIMAL, "0.2", "reach past the detection zone (C)")
          .range(0, 2, "m"),
      ConfigKey.of(R + "separation.uncertainty", DECIMAL, "0.05", "sensor and position uncertainty (Z)")
          .range(0, 2, "m"),
      ConfigKey.of(R + "separation.min-speed-fraction", DECIMAL, "0.05", "below this fraction motion is refused")
          .range(0, 1, ""),
      ConfigKey.of(R + "reject-pick.home", DECIMAL_LIST, UR_HOME, "home joint positions (6 values, rad)"),
      ConfigKey.of(R + "reject-pick.pick", DECIMAL_LIST, null,
          "flange pose over the held part: x, y, z, rx, ry, rz (m, rad; base frame)"),
      ConfigKey.of(R + "reject-pick.bin", DECIMAL_LIST, null, "flange pose where the part is released"),
      ConfigKey.of(R + "reject-pick.approach-height", DECIMAL, "0.10", "approach above pick and bin")
          .range(0.02, 0.5, "m"),
      ConfigKey.of(R + "reject-pick.joint-speed", DECIMAL, "0.6", "speed of joint moves").range(0, 3.14, "rad/s"),
      ConfigKey.of(R + "reject-pick.joint-acceleration", DECIMAL, "2.0", "acceleration of joint moves")
          .range(0, 40, "rad/s^2"),
      ConfigKey.of(R + "reject-pick.linear-speed", DECIMAL, "0.4", "tool speed of linear moves").range(0, 3.0, "m/s"),
      ConfigKey.of(R + "reject-pick.linear-acceleration", DECIMAL, "1.5", "tool acceleration of linear moves")
          .range(0, 150, "m/s^2"),
      ConfigKey.of(R + "reject-pick.gripper-output", INTEGER, "0", "digital output that closes the gripper")
          .range(0, 7, ""),
      ConfigKey.of(R + "reject-pick.hold-timeout", DURATION, "30s", "how long to wait for the line to hold the part")
          .range(0.1, 3600, "s"));

  private RobotKeys() {}
}
