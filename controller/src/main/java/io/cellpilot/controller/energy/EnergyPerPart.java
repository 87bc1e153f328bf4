package io.cellpilot.controller.energy;

/**
 * Energy per part from a meter's energy counter and the line's part counter: the energy between two changes of the
 * part counter, divided by the parts that entered in between. Pure and not thread-safe; one caller feeds it.
 *
 * <p>The first change only sets the baseline (the interval before it began before we looked). A counter that goes
 * backwards (a meter or PLC restarted) drops the baseline; the last completed figure stays until a new one is known.
 */
public final class EnergyPerPart {
  private long count = -1;
  private double baselineKwh = Double.NaN;
  private double lastWh = Double.NaN;

  /**
   * Feeds the counters as they are now.
   *
   * @param partCount parts that entered the line (monotonic while the PLC runs)
   * @param energyKwh the meter's energy counter (monotonic while the meter runs)
   * @return energy per part of the last completed interval, Wh; NaN until one is known
   */
  public double update(long partCount, double energyKwh) {
    if (!Double.isFinite(energyKwh) || partCount < 0) {
      return lastWh;
    }
    if (count < 0 || partCount < count || (!Double.isNaN(baselineKwh) && energyKwh < baselineKwh)) {
      // First look, or a counter started again: no interval can be measured across this point.
      count = partCount;
      baselineKwh = Double.NaN;
      return lastWh;
    }
    if (partCount > count) {
      if (!Double.isNaN(baselineKwh)) {
        lastWh = (energyKwh - baselineKwh) * 1000.0 / (partCount - count);
      }
      baselineKwh = energyKwh;
      count = partCount;
    }
    return lastWh;
  }

  /** The last completed interval's energy per part, Wh; NaN until one is known. */
  public double lastWh() {
    return lastWh;
  }
}
