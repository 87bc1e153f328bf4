package io.cellpilot.robot.routine;

import io.cellpilot.robot.Pose;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where and how the reject routine moves, from {@code cellpilot.robots.<id>.reject-pick.*}: the home joint positions,
 * the pick pose on the conveyor and the drop pose over the bin (tool flange, base frame), the approach height above
 * both, speeds, the gripper output and how long to wait for the line to hold the part.
 */
public record PickPlaceConfig(
    double[] home,
    Pose pick,
    Pose bin,
    double approachHeight,
    double jointSpeed,
    double jointAcceleration,
    double linearSpeed,
    double linearAcceleration,
    int gripperOutput,
    Duration holdTimeout) {

  public PickPlaceConfig {
    home = home.clone();
  }

  @Override
  public double[] home() {
    return home.clone();
  }

  /** Checks every value; the exception names each bad key. */
  public PickPlaceConfig validate(String prefix) {
    List<String> errors = new ArrayList<>();
    if (home.length != 6) {
      errors.add(prefix + "home needs 6 joint positions, had " + home.length);
    }
    if (pick == null || !pick.isFinite()) {
      errors.add(prefix + "pick must be a pose of 6 finite numbers, was " + pick);
    }
    if (bin == null || !bin.isFinite()) {
      errors.add(prefix + "bin must be a pose of 6 finite numbers, was " + bin);
    }
    if (!(approachHeight >= 0.02 && approachHeight <= 0.5)) {
      errors.add(prefix + "approach-height must be between 0.02 and 0.5 m, was " + approachHeight);
    }
    positive(errors, prefix + "joint-speed", jointSpeed);
    positive(errors, prefix + "joint-acceleration", jointAcceleration);
    positive(errors, prefix + "linear-speed", linearSpeed);
    positive(errors, prefix + "linear-acceleration", linearAcceleration);
    if (gripperOutput < 0 || gripperOutput > 7) {
      errors.add(prefix + "gripper-output must be a standard digital output 0..7, was " + gripperOutput);
    }
    if (holdTimeout.isNegative() || holdTimeout.isZero()) {
      errors.add(prefix + "hold-timeout must be positive, was " + holdTimeout);
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    return this;
  }

  private static void positive(List<String> errors, String key, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      errors.add(key + " must be a positive number, was " + v);
    }
  }
}
