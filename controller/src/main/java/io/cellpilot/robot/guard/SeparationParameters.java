package io.cellpilot.robot.guard;

/**
 * Inputs of speed and separation monitoring after ISO/TS 15066 (5.5.4), used by CellPilot only as an additional
 * measure on top of the robot's and the cell's own safety functions, never instead of them.
 *
 * @param humanSpeed assumed approach speed of a person, m/s (ISO 13855 uses 1.6 m/s walking)
 * @param reactionTime zone sensor to robot slider, s: sensor latency, CellPilot's loop and one RTDE cycle
 * @param stoppingTime robot's stopping time, s, from its data sheet for the payload and speed used
 * @param intrusionDistance C: how far a body part reaches past the detection zone before detection, m
 * @param uncertainty Z: sensor and robot position uncertainty added together, m
 * @param minSpeedFraction below this fraction moving is pointless: the command is rejected instead
 */
public record SeparationParameters(
    double humanSpeed,
    double reactionTime,
    double stoppingTime,
    double intrusionDistance,
    double uncertainty,
    double minSpeedFraction) {

  public static final SeparationParameters DEFAULTS = new SeparationParameters(1.6, 0.1, 0.3, 0.2, 0.05, 0.05);

  /**
   * The highest robot speed (m/s) that keeps the protective separation distance within {@code distance}:
   * S = v_h (T_r + T_s) + v_r T_r + v_r T_s / 2 + C + Z (constant deceleration while stopping), solved for v_r.
   * Negative when even a robot at rest is too close.
   */
  public double allowedRobotSpeed(double distance) {
    double margin = distance - humanSpeed * (reactionTime + stoppingTime) - intrusionDistance - uncertainty;
    return margin / (reactionTime + stoppingTime / 2);
  }
}
