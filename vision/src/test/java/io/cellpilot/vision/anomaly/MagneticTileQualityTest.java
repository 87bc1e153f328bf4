package io.cellpilot.vision.anomaly;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.TestData;
import io.cellpilot.vision.classify.ClassifierConfig;
import io.cellpilot.vision.engine.EngineConfig;
import io.cellpilot.vision.engine.InspectionEngine;
import io.cellpilot.vision.eval.EvaluationReport;
import io.cellpilot.vision.eval.Evaluator;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.train.Trainers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Quality floors on the real magnetic-tile photographs (issue 5). */
class MagneticTileQualityTest {
  private static final Logger log = LoggerFactory.getLogger(MagneticTileQualityTest.class);

  @TempDir
  Path dir;

  @Test
  void unsupervisedTrainedOnGoodTilesOnlyReachesTheFloorOnTheTestSet() {
    Path tiles = TestData.magneticTile();
    Path model = dir.resolve("tiles-anomaly.cpm");
    Trainers.anomaly(MvtecDataset.open(tiles), PatchCoreConfig.defaults(),
        new Trainers.Target(model, "tiles", "test"), Progress.NONE);
    EvaluationReport r = evaluate(model, tiles);
    log.info("magnetic tiles, unsupervised: image AUROC {}, pixel AUROC {}, per type {}", r.imageAuroc(),
        r.pixelAuroc(), r.perType());
    assertTrue(r.imageAuroc() >= 0.80, "image AUROC " + r.imageAuroc());
  }

  /** Split: train/good plus 60 % of each defect type (seeded); scored on test/good and the other 40 %. */
  @Test
  void supervisedTrainedOnPartOfTheDefectsReachesTheFloorOnTheRest() {
    Path tiles = TestData.magneticTile();
    Path model = dir.resolve("tiles-classifier.cpm");
    Trainers.classifier(MvtecDataset.open(tiles), ClassifierConfig.defaults().withSide(96).withMaxEpochs(20), 0.6,
        new Trainers.Target(model, "tiles", "test"), Progress.NONE);
    EvaluationReport r = evaluate(model, tiles);
    log.info("magnetic tiles, supervised: image AUROC {} on {} held-out images ({} left out), per type {}",
        r.imageAuroc(), r.images(), r.excludedAsTrained(), r.perType());
    assertTrue(r.imageAuroc() >= 0.90, "image AUROC " + r.imageAuroc());
  }

  private static EvaluationReport evaluate(Path model, Path data) {
    try (InspectionEngine engine = InspectionEngine.load(model, null, EngineConfig.defaults())) {
      return Evaluator.evaluate(engine, MvtecDataset.open(data)).report();
    }
  }
}
