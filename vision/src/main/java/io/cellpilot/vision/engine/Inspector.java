package io.cellpilot.vision.engine;

import io.cellpilot.vision.image.Preprocessing;
import io.cellpilot.vision.image.Preprocessing.Input;
import java.util.List;

/** One worker's model: prepared inputs in, raw results out. Each worker owns its own instance. */
sealed interface Inspector permits AnomalyInspector, ClassifierInspector {

  /** A model result before the threshold is applied; {@code heat} may be null. */
  record Raw(String defectLabel, double score, HeatMap heat) {}

  Preprocessing preprocessing();

  List<Raw> run(List<Input> inputs, double threshold, boolean heatMaps);

  Inspector copy();
}
