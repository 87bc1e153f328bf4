package io.cellpilot.vision.engine;

import io.cellpilot.vision.classify.DefectClassifier;
import io.cellpilot.vision.classify.DefectClassifier.Prediction;
import io.cellpilot.vision.image.Preprocessing;
import io.cellpilot.vision.image.Preprocessing.Input;
import java.util.ArrayList;
import java.util.List;

/** Adapts the supervised CNN: score = 1 - P(good), label = the most probable defect class. */
final class ClassifierInspector implements Inspector {
  private final DefectClassifier classifier;

  ClassifierInspector(DefectClassifier classifier) {
    this.classifier = classifier;
  }

  @Override
  public Preprocessing preprocessing() {
    return classifier.preprocessing();
  }

  @Override
  public List<Raw> run(List<Input> inputs, double threshold, boolean heatMaps) {
    List<Raw> out = new ArrayList<>(inputs.size());
    for (Prediction p : classifier.predictInputs(inputs)) {
      float[] probs = p.probabilities();
      int best = 1;
      for (int k = 2; k < probs.length; k++) {
        if (probs[k] > probs[best]) {
          best = k;
        }
      }
      out.add(new Raw(classifier.labels().get(best), p.defectProbability(), null));
    }
    return out;
  }

  @Override
  public Inspector copy() {
    return new ClassifierInspector(classifier.copy());
  }
}
