package io.cellpilot.energy.kpi;

/**
 * Energy performance indicators of a period against a baseline, in the spirit of ISO 50001 (EnPI and energy baseline,
 * ISO 50006): kWh and kg CO2e per good part. {@code improvement} is the relative saving per good part against the
 * baseline (0.12 = 12 % less energy per good part); NaN when either side is unknown.
 */
public record Enpi(double kwhPerGoodPart, double kgPerGoodPart, double baselineKwhPerGoodPart,
                   double baselineKgPerGoodPart, double improvement) {

  /** The indicators of a period with {@code kwh}, {@code kg} and {@code good} parts against the baseline figures. */
  public static Enpi of(double kwh, double kg, long good, double baselineKwhPerGoodPart,
      double baselineKgPerGoodPart) {
    double perPart = good > 0 ? kwh / good : Double.NaN;
    double kgPerPart = good > 0 ? kg / good : Double.NaN;
    double improvement = baselineKwhPerGoodPart > 0 && Double.isFinite(perPart)
        ? 1 - perPart / baselineKwhPerGoodPart : Double.NaN;
    return new Enpi(perPart, kgPerPart, baselineKwhPerGoodPart, baselineKgPerGoodPart, improvement);
  }

  /** A baseline's per-good-part figures from its totals; NaN when it had no good parts. */
  public static double[] baseline(double kwh, double kg, long good) {
    return good > 0 ? new double[] {kwh / good, kg / good} : new double[] {Double.NaN, Double.NaN};
  }
}
