package io.cellpilot.sim.config;

import io.cellpilot.sim.camera.DefectKind;
import java.time.Duration;
import java.util.List;

/**
 * The production line: belt speed, how far apart parts enter, how many are defective, and where the robot picks
 * rejected parts and drops them (robot base frame, metres).
 */
public record LineConfig(
    boolean autoStart,
    double speed,
    double partSpacing,
    double defectRate,
    List<DefectKind> defectKinds,
    Duration holdTimeout,
    Position pickPosition,
    Position rejectBin,
    double rejectBinRadius,
    double gripTolerance) {

  /** Belt speed setpoint limits (m/s), as in docs/wire-contracts.md. */
  public static final double MIN_SPEED = 0.05;
  public static final double MAX_SPEED = 1.0;
  /** Parts are 0.12 m long; closer spacing would make them overlap on the belt. */
  public static final double MIN_SPACING = 0.15;

  public LineConfig {
    Check.between("line.speed", speed, MIN_SPEED, MAX_SPEED, "m/s");
    Check.between("line.part-spacing", partSpacing, MIN_SPACING, 10, "m");
    Check.between("line.defect-rate", defectRate, 0, 1, null);
    Check.that(defectKinds != null && !defectKinds.isEmpty(),
        "line.defect-kinds must name at least one of " + DefectKind.labels());
    defectKinds = List.copyOf(defectKinds);
    Check.between("line.hold-timeout", holdTimeout, Duration.ofSeconds(1), Duration.ofHours(1));
    Check.that(pickPosition != null, "line.pick-position must be set");
    Check.that(rejectBin != null, "line.reject-bin must be set");
    Check.between("line.reject-bin.radius", rejectBinRadius, 0.01, 2, "m");
    Check.between("line.grip-tolerance", gripTolerance, 0.001, 0.5, "m");
  }

  /** Settings for {@link LineConfig}; defaults: auto start at 0.2 m/s, a part every 0.4 m, 10 % defective. */
  public static final class Builder {
    private boolean autoStart = true;
    private double speed = 0.2;
    private double partSpacing = 0.4;
    private double defectRate = 0.1;
    private List<DefectKind> defectKinds = List.of(DefectKind.values());
    private Duration holdTimeout = Duration.ofSeconds(60);
    private Position pickPosition = new Position(0.45, -0.25, 0.05);
    private Position rejectBin = new Position(-0.30, -0.45, 0.25);
    private double rejectBinRadius = 0.15;
    private double gripTolerance = 0.03;

    public Builder autoStart(boolean autoStart) {
      this.autoStart = autoStart;
      return this;
    }

    /** Initial belt speed setpoint, m/s. */
    public Builder speed(double speed) {
      this.speed = speed;
      return this;
    }

    /** Distance between consecutive parts entering the belt, m. */
    public Builder partSpacing(double partSpacing) {
      this.partSpacing = partSpacing;
      return this;
    }

    public Builder defectRate(double defectRate) {
      this.defectRate = defectRate;
      return this;
    }

    public Builder defectKinds(List<DefectKind> defectKinds) {
      this.defectKinds = defectKinds;
      return this;
    }

    /** How long the PLC holds a part for the robot before the line faults. */
    public Builder holdTimeout(Duration holdTimeout) {
      this.holdTimeout = holdTimeout;
      return this;
    }

    public Builder pickPosition(Position pickPosition) {
      this.pickPosition = pickPosition;
      return this;
    }

    /** Centre of the reject bin's opening; a part released within {@code radius} of it lands in the bin. */
    public Builder rejectBin(Position rejectBin, double radius) {
      this.rejectBin = rejectBin;
      this.rejectBinRadius = radius;
      return this;
    }

    /** How close the gripper must be to the pick position to take the part. */
    public Builder gripTolerance(double gripTolerance) {
      this.gripTolerance = gripTolerance;
      return this;
    }

    public LineConfig build() {
      return new LineConfig(autoStart, speed, partSpacing, defectRate, defectKinds, holdTimeout, pickPosition,
          rejectBin, rejectBinRadius, gripTolerance);
    }
  }
}
