package io.cellpilot.sim.cobot;

import io.cellpilot.sim.cell.PartHandling;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How the simulated UR5e is set up: its ports (0 picks a free port), RTDE rate, the limits it enforces itself (it
 * protective-stops beyond them, like a real controller's safety configuration), its home pose, the gripper output and
 * the cell it grips parts from.
 *
 * @param rtdeHz 125 (CB3) or 500 (e-Series)
 * @param gripperOutput the standard digital output wired to the gripper (high = closed)
 * @param protectiveStopUnlockDelay how long after a protective stop the dashboard refuses to unlock (UR: 5 s)
 * @param seed makes the electrical noise on currents reproducible
 */
public record CobotConfig(
    String bindAddress,
    int dashboardPort,
    int secondaryPort,
    int rtdePort,
    int rtdeHz,
    double[] jointMin,
    double[] jointMax,
    double maxJointSpeed,
    double maxJointAccel,
    double maxTcpSpeed,
    double[] home,
    int gripperOutput,
    PartHandling partHandling,
    Duration protectiveStopUnlockDelay,
    long seed) {

  public CobotConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(partHandling, "partHandling");
    Objects.requireNonNull(protectiveStopUnlockDelay, "protectiveStopUnlockDelay");
    if (rtdeHz != 125 && rtdeHz != 500) {
      throw new IllegalArgumentException("rtdeHz must be 125 (CB3) or 500 (e-Series), was " + rtdeHz);
    }
    jointMin = six("jointMin", jointMin);
    jointMax = six("jointMax", jointMax);
    home = six("home", home);
    for (int i = 0; i < 6; i++) {
      if (!(jointMin[i] < jointMax[i]) || home[i] < jointMin[i] || home[i] > jointMax[i]) {
        throw new IllegalArgumentException("joint " + i + ": need jointMin < home < jointMax, was "
            + jointMin[i] + " / " + home[i] + " / " + jointMax[i]);
      }
    }
    if (!(maxJointSpeed > 0 && maxJointAccel > 0 && maxTcpSpeed > 0)) {
      throw new IllegalArgumentException("speed and acceleration limits must be positive");
    }
    if (gripperOutput < 0 || gripperOutput > 7) {
      throw new IllegalArgumentException("gripperOutput must be a standard digital output 0..7, was " + gripperOutput);
    }
  }

  private static double[] six(String name, double[] v) {
    if (v == null || v.length != 6) {
      throw new IllegalArgumentException(name + " needs 6 joint values");
    }
    for (double x : v) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException(name + " must be finite: " + Arrays.toString(v));
      }
    }
    return v.clone();
  }

  @Override
  public double[] jointMin() {
    return jointMin.clone();
  }

  @Override
  public double[] jointMax() {
    return jointMax.clone();
  }

  @Override
  public double[] home() {
    return home.clone();
  }

  /** A UR5e on loopback with free ports, 500 Hz RTDE and UR's default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CobotConfig}; every setter has the UR5e default. */
  public static final class Builder {
    private String bindAddress = "127.0.0.1";
    private int dashboardPort;
    private int secondaryPort;
    private int rtdePort;
    private int rtdeHz = 500;
    // UR5e: every joint +-360 degrees; the elbow is limited to +-180 degrees by its own construction.
    private double[] jointMin = {-2 * Math.PI, -2 * Math.PI, -Math.PI, -2 * Math.PI, -2 * Math.PI, -2 * Math.PI};
    private double[] jointMax = {2 * Math.PI, 2 * Math.PI, Math.PI, 2 * Math.PI, 2 * Math.PI, 2 * Math.PI};
    private double maxJointSpeed = Math.PI;
    private double maxJointAccel = 40.0;
    private double maxTcpSpeed = 1.5;
    private double[] home = {0, -Math.PI / 2, Math.PI / 2, -Math.PI / 2, -Math.PI / 2, 0};
    private int gripperOutput;
    private PartHandling partHandling = PartHandling.NONE;
    private Duration protectiveStopUnlockDelay = Duration.ofSeconds(5);
    private long seed = 1;

    public Builder bindAddress(String v) { bindAddress = v; return this; }
    public Builder dashboardPort(int v) { dashboardPort = v; return this; }
    public Builder secondaryPort(int v) { secondaryPort = v; return this; }
    public Builder rtdePort(int v) { rtdePort = v; return this; }
    public Builder rtdeHz(int v) { rtdeHz = v; return this; }
    public Builder jointLimits(double[] min, double[] max) { jointMin = min; jointMax = max; return this; }
    public Builder maxJointSpeed(double v) { maxJointSpeed = v; return this; }
    public Builder maxJointAccel(double v) { maxJointAccel = v; return this; }
    public Builder maxTcpSpeed(double v) { maxTcpSpeed = v; return this; }
    public Builder home(double[] v) { home = v; return this; }
    public Builder gripperOutput(int v) { gripperOutput = v; return this; }
    public Builder partHandling(PartHandling v) { partHandling = v; return this; }
    public Builder protectiveStopUnlockDelay(Duration v) { protectiveStopUnlockDelay = v; return this; }
    public Builder seed(long v) { seed = v; return this; }

    public CobotConfig build() {
      return new CobotConfig(bindAddress, dashboardPort, secondaryPort, rtdePort, rtdeHz, jointMin, jointMax,
          maxJointSpeed, maxJointAccel, maxTcpSpeed, home, gripperOutput, partHandling, protectiveStopUnlockDelay,
          seed);
    }
  }
}
