package io.cellpilot.robot.kinematics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellpilot.robot.Pose;
import org.junit.jupiter.api.Test;

class DhKinematicsTest {

  @Test
  void ur5eAtZeroIsStretchedOutAlongMinusX() {
    Pose p = DhKinematics.UR5E.forward(new double[6]);
    assertEquals(-0.8172, p.x(), 1e-9);
    assertEquals(-0.2329, p.y(), 1e-9);
    assertEquals(0.0628, p.z(), 1e-9);
  }

  @Test
  void ur5eHomePoseMatchesWhatTheSimulatedRobotReportsOverRtde() {
    // The simulator's own kinematics reported this flange position for the home pose to UR's RTDE client.
    Pose p = DhKinematics.UR5E.forward(new double[] {0, -Math.PI / 2, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0});
    assertEquals(-0.4919, p.x(), 1e-9);
    assertEquals(-0.1333, p.y(), 1e-9);
    assertEquals(0.4879, p.z(), 1e-9);
  }

  @Test
  void anUnknownModelIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DhKinematics.forModel("ur7"));
    assertEquals("unknown robot model 'ur7' (ur3e, ur5e, ur10e)", e.getMessage());
  }
}
