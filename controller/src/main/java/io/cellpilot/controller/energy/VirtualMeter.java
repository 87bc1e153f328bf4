package io.cellpilot.controller.energy;

import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagReading;
import io.cellpilot.energy.EnergyException;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.energy.EnergyCodec;
import io.cellpilot.vision.energy.EnergyEstimator;
import io.cellpilot.vision.pkg.ModelPackage;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A virtual sub-meter: the vision module's energy estimator turns a machine's state tags into its active power (kW),
 * for a machine without a meter of its own. Its figures are estimates and labelled as such everywhere. When an input
 * is stale or BAD there is no estimate (the span becomes a gap), never a guess from old values.
 */
final class VirtualMeter {
  private final String meter;
  private final List<String> inputs;
  private final EnergyEstimator estimator;

  private VirtualMeter(String meter, List<String> inputs, EnergyEstimator estimator) {
    this.meter = meter;
    this.inputs = inputs;
    this.estimator = estimator;
  }

  /** Loads and checks the package; a wrong package or input count is a configuration error naming the key. */
  static VirtualMeter load(String meter, EnergySettings.Tags tags) {
    String key = "cellpilot.energy.meters." + meter + ".estimator";
    EnergyEstimator e;
    try {
      e = EnergyCodec.fromPackage(ModelPackage.read(tags.estimator(), null));
    } catch (VisionException ex) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, key + ".package " + tags.estimator()
          + " is not a usable energy model: " + ex.getMessage(), ex);
    }
    if (e.inputs().size() != tags.estimatorInputs().size()) {
      throw new EnergyException(EnergyException.Code.INVALID_CONFIG, key + ".inputs names "
          + tags.estimatorInputs().size() + " tags " + tags.estimatorInputs() + ", but the model reads "
          + e.inputs().size() + " signals " + e.inputs() + " (in that order)");
    }
    return new VirtualMeter(meter, tags.estimatorInputs(), e);
  }

  String meter() {
    return meter;
  }

  /** The estimated power now, kW (never below 0); empty when an input is not fresh or not a number. */
  OptionalDouble estimate(CellState cell, Map<String, String> problems) {
    double[] x = new double[inputs.size()];
    for (int i = 0; i < x.length; i++) {
      TagReading r = cell.read(inputs.get(i));
      Object v = r.value().orElse(null);
      if (!r.fresh()) {
        problems.put(meter, r.problem());
        return OptionalDouble.empty();
      }
      if (v instanceof Number n) {
        x[i] = n.doubleValue();
      } else if (v instanceof Boolean b) {
        x[i] = b ? 1 : 0;
      } else {
        problems.put(meter, inputs.get(i) + " is not a number: " + v);
        return OptionalDouble.empty();
      }
    }
    try {
      return OptionalDouble.of(Math.max(0, estimator.estimate(x)));
    } catch (VisionException e) {
      problems.put(meter, e.getMessage());
      return OptionalDouble.empty();
    }
  }
}
