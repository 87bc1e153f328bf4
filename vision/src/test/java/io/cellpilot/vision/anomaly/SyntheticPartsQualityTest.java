package io.cellpilot.vision.anomaly;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.classify.ClassifierConfig;
import io.cellpilot.vision.engine.EngineConfig;
import io.cellpilot.vision.engine.InspectionEngine;
import io.cellpilot.vision.eval.EvaluationReport;
import io.cellpilot.vision.eval.Evaluator;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.SyntheticDefects;
import io.cellpilot.vision.image.SyntheticDefects.Kind;
import io.cellpilot.vision.image.SyntheticParts;
import io.cellpilot.vision.train.Trainers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quality floors on generated parts (256 px, the simulator camera's size), until the simulator's own data set is
 * merged: unsupervised >= 0.98, and the classifier on a defect type it never saw.
 */
class SyntheticPartsQualityTest {
  private static final Logger log = LoggerFactory.getLogger(SyntheticPartsQualityTest.class);

  @TempDir
  Path dir;

  @Test
  void theUnsupervisedModelSeparatesEveryDefectKindFromGoodParts() {
    Path parts = dir.resolve("parts");
    SyntheticParts.writeDataset(parts, 256, 60, 20, 10, SyntheticDefects.kinds(), 11);
    Path model = dir.resolve("a.cpm");
    Trainers.anomaly(MvtecDataset.open(parts), PatchCoreConfig.defaults().withScale(0.5).withSide(512)
        .withBankSize(2048), new Trainers.Target(model, "parts", "1"), Progress.NONE);
    EvaluationReport r = evaluate(model, parts);
    log.info("synthetic parts, unsupervised: image AUROC {}, pixel AUROC {}, per type {}", r.imageAuroc(),
        r.pixelAuroc(), r.perType());
    assertTrue(r.imageAuroc() >= 0.98, "image AUROC " + r.imageAuroc());
    assertTrue(r.pixelAuroc() >= 0.90, "pixel AUROC " + r.pixelAuroc());
  }

  /**
   * Training the CNN takes minutes of CPU on this shared machine (18 000 crops; with 4 000 the seen kind falls to
   * AUROC 0.70), more than the module's whole test budget: run by hand with {@code -DexcludedGroups=none}.
   */
  @Tag("slow")
  @Test
  void theClassifierFlagsADefectKindItWasNeverShown() {
    Path seen = dir.resolve("seen");
    SyntheticParts.writeDataset(seen, 128, 80, 0, 40, List.of(Kind.PIT, Kind.SCRATCH), 12);
    Path model = dir.resolve("c.cpm");
    Trainers.classifier(MvtecDataset.open(seen), ClassifierConfig.defaults().withScale(0).withMaxSide(128).withCrop(32)
        .withMaxEpochs(12),
        0.99, new Trainers.Target(model, "parts", "1"), Progress.NONE);
    Path unseen = dir.resolve("unseen");
    SyntheticParts.writeDataset(unseen, 128, 0, 20, 10, List.of(Kind.PIT, Kind.CRACK), 13);
    EvaluationReport r = evaluate(model, unseen);
    log.info("synthetic parts, classifier: image AUROC {}, per type {}", r.imageAuroc(), r.perType());
    assertTrue(r.perType().get("pit").imageAuroc() >= 0.95, "seen kind: " + r.perType());
    assertTrue(r.perType().get("crack").imageAuroc() >= 0.80, "never-seen kind: " + r.perType());
  }

  private static EvaluationReport evaluate(Path model, Path data) {
    try (InspectionEngine engine = InspectionEngine.load(model, null, EngineConfig.defaults())) {
      return Evaluator.evaluate(engine, MvtecDataset.open(data)).report();
    }
  }
}
