package io.cellpilot.vision.engine;

import io.cellpilot.vision.anomaly.AnomalyMap;
import io.cellpilot.vision.anomaly.PatchCoreModel;
import io.cellpilot.vision.image.Preprocessing;
import io.cellpilot.vision.image.Preprocessing.Input;
import java.util.ArrayList;
import java.util.List;

/** Adapts the unsupervised model: its label for a defect is {@code defect}, its heat map the patch distances. */
final class AnomalyInspector implements Inspector {
  private final PatchCoreModel model;

  AnomalyInspector(PatchCoreModel model) {
    this.model = model;
  }

  @Override
  public Preprocessing preprocessing() {
    return model.preprocessing();
  }

  @Override
  public List<Raw> run(List<Input> inputs, double threshold, boolean heatMaps) {
    List<Raw> out = new ArrayList<>(inputs.size());
    for (AnomalyMap m : model.scoreInputs(inputs)) {
      HeatMap heat = null;
      if (heatMaps) {
        float[] v = m.heat().clone();
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) (v[i] / threshold);
        }
        heat = new HeatMap(m.gridWidth(), m.gridHeight(), v);
      }
      out.add(new Raw(m.defectType() != null ? m.defectType() : "defect", m.score(), heat));
    }
    return out;
  }

  @Override
  public Inspector copy() {
    return new AnomalyInspector(model.copy());
  }
}
