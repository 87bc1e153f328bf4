package io.cellpilot.sim.cobot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Ur5eKinematicsTest {

  @Test
  void zeroPoseIsTheStretchedOutArmUniversalRobotsPublishes() {
    // All joints at zero: x = a2 + a3, y = -(d4 + d6), z = d1 - d5.
    double[] p = Ur5eKinematics.forward(new double[6]);
    assertEquals(-0.8172, p[0], 1e-9);
    assertEquals(-0.2329, p[1], 1e-9);
    assertEquals(0.0628, p[2], 1e-9);
  }

  @Test
  void uprightArmPutsTheFlangeAboveTheBase() {
    // Shoulder at -90 degrees points the upper arm and forearm straight up.
    double[] p = Ur5eKinematics.forward(new double[] {0, -Math.PI / 2, 0, -Math.PI / 2, 0, 0});
    assertEquals(0.1625 + 0.425 + 0.3922 + 0.0997, p[2], 1e-9);
    assertEquals(-0.2329, p[1], 1e-9);
    assertEquals(0, p[0], 1e-9);
  }

  @Test
  void inverseKinematicsReturnsJointsThatReachThePose() {
    Random random = new Random(7);
    double[] home = {0, -Math.PI / 2, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0};
    for (int trial = 0; trial < 50; trial++) {
      double[] q = new double[6];
      for (int i = 0; i < 6; i++) {
        q[i] = home[i] + (random.nextDouble() - 0.5) * 1.2;
      }
      double[] pose = Ur5eKinematics.forward(q);
      Optional<double[]> solved = Ur5eKinematics.inverse(pose, home);
      assertTrue(solved.isPresent(), "no solution for trial " + trial);
      assertArrayEquals(pose, Ur5eKinematics.forward(solved.get()), 1e-6);
    }
  }

  @Test
  void inverseKinematicsReportsAPoseOutOfReach() {
    double[] far = {2.0, 0, 0.5, 0, Math.PI, 0};
    assertTrue(Ur5eKinematics.inverse(far, new double[] {0, -1.5, 1.5, -1.5, -1.5, 0}).isEmpty());
  }

  @Test
  void rotationVectorsSurviveTheRoundTripThroughMatrices() {
    double[][] vectors = {{0.1, -0.2, 0.3}, {0, Math.PI - 1e-9, 0}, {0, 2.2214, -2.2214}, {0, 0, 0}};
    for (double[] v : vectors) {
      double[] m = Rotations.fromRotationVector(v[0], v[1], v[2]);
      double[] back = Rotations.fromRotationVector(Rotations.toRotationVector(m)[0],
          Rotations.toRotationVector(m)[1], Rotations.toRotationVector(m)[2]);
      assertArrayEquals(m, back, 1e-6);
    }
  }
}
