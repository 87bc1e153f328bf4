package io.cellpilot.robot.kinematics;

import io.cellpilot.robot.Pose;

/** Forward kinematics of an arm: where the tool flange is for given joint positions. */
public interface Kinematics {

  /** The flange pose for joint positions {@code q} (radians). */
  Pose forward(double[] q);
}
