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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quality on the real magnetic-tile photographs (issue 5). Supervised split for both supervised models: train/good
 * plus a seeded 60 % of each defect type; scored on test/good and the other 40 % (24 blowholes, 12 cracks).
 */
class MagneticTileQualityTest {
  private static final Logger log = LoggerFactory.getLogger(MagneticTileQualityTest.class);

  @TempDir
  static Path dir;

  /** The unsupervised package, trained once per run: the supervised test adds defects to it. */
  private static Path unsupervised;

  private static synchronized Path unsupervised(Path tiles) {
    if (unsupervised == null) {
      Path model = dir.resolve("tiles-anomaly.cpm");
      Trainers.anomaly(MvtecDataset.open(tiles), PatchCoreConfig.defaults(),
          new Trainers.Target(model, "tiles", "test"), Progress.NONE);
      unsupervised = model;
    }
    return unsupervised;
  }

  @Test
  void unsupervisedTrainedOnGoodTilesOnlyReachesTheFloorOnTheTestSet() {
    Path tiles = TestData.magneticTile();
    Path model = unsupervised(tiles);
    EvaluationReport r = evaluate(model, tiles);
    log.info("magnetic tiles, unsupervised: image AUROC {}, pixel AUROC {}, per type {}", r.imageAuroc(),
        r.pixelAuroc(), r.perType());
    assertTrue(r.imageAuroc() >= 0.86, "image AUROC " + r.imageAuroc() + " (0.885 measured; issue floor 0.80)");
  }

  /**
   * The floor, 0.90, on the stated split (seed 42): 0.902 measured, the same on every run here (the
   * computation is deterministic). Narrow: other seeded splits give 0.939 and 0.860 (docs/vision.md).
   */
  @Test
  void supervisedDefectMemoryScoresTheHeldOutDefects() {
    Path tiles = TestData.magneticTile();
    Path model = dir.resolve("tiles-memory.cpm");
    Trainers.addDefects(MvtecDataset.open(tiles), unsupervised(tiles), 0.6,
        new Trainers.Target(model, "tiles", "test"), Progress.NONE);
    EvaluationReport r = evaluate(model, tiles);
    log.info("magnetic tiles, supervised defect memory: image AUROC {}, pixel AUROC {} on {} held-out images "
        + "({} left out), per type {}", r.imageAuroc(), r.pixelAuroc(), r.images(), r.excludedAsTrained(),
        r.perType());
    assertTrue(r.excludedAsTrained() == 54, "training images are left out: " + r.excludedAsTrained());
    assertTrue(r.imageAuroc() >= 0.90, "image AUROC " + r.imageAuroc() + " (issue floor 0.90)");
  }

  /** The supervised CNN takes minutes here and reaches about 0.8: run by hand for the README figures. */
  @Tag("slow")
  @Test
  void supervisedCnnScoresTheHeldOutDefects() {
    Path tiles = TestData.magneticTile();
    Path model = dir.resolve("tiles-cnn.cpm");
    Trainers.classifier(MvtecDataset.open(tiles), ClassifierConfig.defaults(), 0.6,
        new Trainers.Target(model, "tiles", "test"), Progress.NONE);
    EvaluationReport r = evaluate(model, tiles);
    log.info("magnetic tiles, supervised CNN: image AUROC {} on {} held-out images, per type {}, labels {}",
        r.imageAuroc(), r.images(), r.perType(), r.labelConfusion());
    assertTrue(r.imageAuroc() >= 0.75, "image AUROC " + r.imageAuroc());
  }

  private static EvaluationReport evaluate(Path model, Path data) {
    try (InspectionEngine engine = InspectionEngine.load(model, null, EngineConfig.defaults())) {
      return Evaluator.evaluate(engine, MvtecDataset.open(data)).report();
    }
  }
}
