package io.cellpilot.robot.guard;

/**
 * What the cell's zone sensor says about people near the robot.
 *
 * @param sensorPresent false when the cell has no zone sensor (then nothing is scaled and nothing goes stale)
 * @param zoneOccupied the zone sensor / light curtain sees a person
 * @param personDistance metres to the nearest person (NaN when unknown)
 * @param observedNanos {@link System#nanoTime()} of the reading
 */
public record CellContext(boolean sensorPresent, boolean zoneOccupied, double personDistance, long observedNanos) {

  /** A cell without a zone sensor. */
  public static final CellContext NO_SENSOR = new CellContext(false, false, Double.POSITIVE_INFINITY, 0);

  public static CellContext reading(boolean zoneOccupied, double personDistance, long observedNanos) {
    return new CellContext(true, zoneOccupied, personDistance, observedNanos);
  }
}
