package io.cellpilot.robot.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The limits the guard enforces for one robot, from configuration {@code cellpilot.robots.<id>.*}. The ranges that
 * bound them are the ones ur_rtde enforces for UR arms (joint speed 3.14 rad/s, joint acceleration 40 rad/s^2, tool
 * speed 3.0 m/s, tool acceleration 150 m/s^2); configuration may only be tighter.
 */
public record GuardLimits(
    double[] jointMin,
    double[] jointMax,
    double jointMargin,
    double maxJointSpeed,
    double maxJointAcceleration,
    double maxTcpSpeed,
    double maxTcpAcceleration,
    Box workspace,
    Map<String, Box> forbiddenZones,
    Set<Integer> allowedOutputs,
    Duration statusMaxAge,
    Duration zoneMaxAge,
    SeparationParameters separation) {

  public static final double JOINT_SPEED_RANGE = 3.14;
  public static final double JOINT_ACCELERATION_RANGE = 40.0;
  public static final double TCP_SPEED_RANGE = 3.0;
  public static final double TCP_ACCELERATION_RANGE = 150.0;

  public GuardLimits {
    jointMin = jointMin.clone();
    jointMax = jointMax.clone();
    forbiddenZones = Map.copyOf(forbiddenZones);
    allowedOutputs = Set.copyOf(allowedOutputs);
  }

  @Override
  public double[] jointMin() {
    return jointMin.clone();
  }

  @Override
  public double[] jointMax() {
    return jointMax.clone();
  }

  /** Conservative limits for a UR5e on a table: slow collaborative speeds, a 1.6 m wide box in front of it. */
  public static GuardLimits ur5eDefaults() {
    double[] min = {-2 * Math.PI, -2 * Math.PI, -Math.PI, -2 * Math.PI, -2 * Math.PI, -2 * Math.PI};
    double[] max = {2 * Math.PI, 2 * Math.PI, Math.PI, 2 * Math.PI, 2 * Math.PI, 2 * Math.PI};
    return new GuardLimits(min, max, 0.05, 1.5, 3.0, 0.5, 2.0,
        new Box(-0.9, -0.9, 0.0, 0.9, 0.9, 1.1), Map.of(), Set.of(0, 1, 2, 3),
        Duration.ofMillis(200), Duration.ofMillis(500), SeparationParameters.DEFAULTS);
  }

  public GuardLimits withWorkspace(Box box) {
    return new GuardLimits(jointMin, jointMax, jointMargin, maxJointSpeed, maxJointAcceleration, maxTcpSpeed,
        maxTcpAcceleration, box, forbiddenZones, allowedOutputs, statusMaxAge, zoneMaxAge, separation);
  }

  public GuardLimits withForbiddenZones(Map<String, Box> zones) {
    return new GuardLimits(jointMin, jointMax, jointMargin, maxJointSpeed, maxJointAcceleration, maxTcpSpeed,
        maxTcpAcceleration, workspace, zones, allowedOutputs, statusMaxAge, zoneMaxAge, separation);
  }

  public GuardLimits withSpeeds(double jointSpeed, double jointAcceleration, double tcpSpeed, double tcpAcceleration) {
    return new GuardLimits(jointMin, jointMax, jointMargin, jointSpeed, jointAcceleration, tcpSpeed,
        tcpAcceleration, workspace, forbiddenZones, allowedOutputs, statusMaxAge, zoneMaxAge, separation);
  }

  public GuardLimits withStatusMaxAge(Duration age) {
    return new GuardLimits(jointMin, jointMax, jointMargin, maxJointSpeed, maxJointAcceleration, maxTcpSpeed,
        maxTcpAcceleration, workspace, forbiddenZones, allowedOutputs, age, zoneMaxAge, separation);
  }

  /**
   * Checks every value and throws one {@link IllegalArgumentException} listing each bad key, e.g.
   * {@code cellpilot.robots.r1.max-tcp-speed must be between 0 and 3.0 m/s, was 7.5}.
   */
  public GuardLimits validate(String prefix) {
    List<String> errors = new ArrayList<>();
    if (jointMin.length != 6 || jointMax.length != 6) {
      errors.add(prefix + "joint-min and joint-max need 6 values each, were " + Arrays.toString(jointMin) + " and "
          + Arrays.toString(jointMax));
    } else {
      for (int i = 0; i < 6; i++) {
        if (!(jointMin[i] < jointMax[i])) {
          errors.add(String.format("%sjoint-min[%d] must be below joint-max[%d], was %s >= %s", prefix, i, i,
              jointMin[i], jointMax[i]));
        }
      }
    }
    range(errors, prefix + "joint-margin", jointMargin, 0, 0.5, "rad");
    range(errors, prefix + "max-joint-speed", maxJointSpeed, 0, JOINT_SPEED_RANGE, "rad/s");
    range(errors, prefix + "max-joint-acceleration", maxJointAcceleration, 0, JOINT_ACCELERATION_RANGE, "rad/s^2");
    range(errors, prefix + "max-tcp-speed", maxTcpSpeed, 0, TCP_SPEED_RANGE, "m/s");
    range(errors, prefix + "max-tcp-acceleration", maxTcpAcceleration, 0, TCP_ACCELERATION_RANGE, "m/s^2");
    if (!(workspace.minX() < workspace.maxX() && workspace.minY() < workspace.maxY()
        && workspace.minZ() < workspace.maxZ())) {
      errors.add(prefix + "workspace must have min below max on every axis, was " + workspace);
    }
    for (int output : allowedOutputs) {
      if (output < 0 || output > 7) {
        errors.add(prefix + "allowed-outputs must be standard digital outputs 0..7, had " + output);
      }
    }
    if (statusMaxAge.isNegative() || statusMaxAge.isZero()) {
      errors.add(prefix + "status-max-age must be positive, was " + statusMaxAge);
    }
    range(errors, prefix + "separation.human-speed", separation.humanSpeed(), 0, 5, "m/s");
    range(errors, prefix + "separation.min-speed-fraction", separation.minSpeedFraction(), 0, 1, "");
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    return this;
  }

  private static void range(List<String> errors, String key, double v, double min, double max, String unit) {
    if (!(v > min && v <= max)) {
      errors.add(String.format(java.util.Locale.ROOT, "%s must be between %s and %s %s, was %s", key,
          strip(min), strip(max), unit, v).replace("  ", " ").trim());
    }
  }

  private static String strip(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e6 && v != 3.0 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
