package io.cellpilot.vision.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.camera.DatasetGenerator;
import io.cellpilot.sim.camera.DatasetSpec;
import io.cellpilot.vision.Progress;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.engine.EngineConfig;
import io.cellpilot.vision.engine.InspectionEngine;
import io.cellpilot.vision.eval.EvaluationReport;
import io.cellpilot.vision.eval.Evaluator;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.train.Trainers;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inspection models on the simulator's own camera images (io.cellpilot.sim.camera.DatasetGenerator: 256 px grey
 * flanges placed anywhere in the view at any rotation, five defect kinds with masks), as the default models in
 * deploy/models are trained. One data set and two models for the class: unsupervised (good parts only) and
 * supervised (the same plus a memory of half of each defect kind's images, which evaluation leaves out).
 *
 * <p>Every image is registered first (io.cellpilot.vision.image.PartRegistration: centred, orientation notch turned
 * to +x), as the default inspection model is, so the position feature is on and only the part is inspected (the
 * belt around it is outside the inspected region); the lighting is flattened over 6 px. Configuration as the default
 * model's (deploy/models/train-default-models.sh), chosen there on a separate set. Measured here: image AUROC about
 * 0.986 unsupervised, 0.988 with the defect memory (scratches the weakest kind, about 0.94-0.96).
 */
class SimulatorPartsQualityTest {
  private static final Logger log = LoggerFactory.getLogger(SimulatorPartsQualityTest.class);

  @TempDir
  static Path dir;
  static Path unsupervisedPackage;
  static EvaluationReport unsupervised;
  static EvaluationReport supervised;

  @BeforeAll
  static void trainBothModelsOnOneSimulatorDataSet() {
    Path parts = dir.resolve("parts");
    DatasetGenerator.generate(DatasetSpec.of(parts, 31, 150, 60, 10, 256));
    // Registered parts (centred, notch turned to +x) make a patch's place meaningful: the position feature is on.
    PatchCoreConfig config = PatchCoreConfig.defaults().withScale(0.5).withSide(512).withBankSize(8192)
        .withPositionWeight(10).withFlatten(6);
    unsupervisedPackage = dir.resolve("unsupervised.cpm");
    Trainers.anomaly(MvtecDataset.open(parts), config, 0, true,
        new Trainers.Target(unsupervisedPackage, "sim-parts", "1"), Progress.NONE);
    unsupervised = evaluate(unsupervisedPackage, parts);
    Path s = dir.resolve("supervised.cpm");
    Trainers.anomaly(MvtecDataset.open(parts), config, 0.5, true, new Trainers.Target(s, "sim-parts", "1"),
        Progress.NONE);
    supervised = evaluate(s, parts);
    log.info("simulator parts, unsupervised: {}", figures(unsupervised));
    log.info("simulator parts, supervised (defect memory, held-out half): {}", figures(supervised));
  }

  @Test
  void theUnsupervisedModelFindsPitsAndMissingFeaturesAndLocatesTheLocalDefects() {
    assertTrue(unsupervised.perType().get("pit").imageAuroc() >= 0.80, figures(unsupervised));
    // Registration makes a missing bolt hole a patch that is wrong for its place (about 1.0 here; 0.43 before).
    assertTrue(unsupervised.perType().get("missing-feature").imageAuroc() >= 0.95, figures(unsupervised));
    assertTrue(unsupervised.perType().get("crack").pixelAuroc() >= 0.90, figures(unsupervised));
    assertTrue(unsupervised.perType().get("pit").pixelAuroc() >= 0.95, figures(unsupervised));
    assertTrue(unsupervised.imageAuroc() >= 0.70, figures(unsupervised));
    assertTrue(unsupervised.perType().size() == 5, "every defect kind evaluated: " + unsupervised.perType().keySet());
  }

  @Test
  void onlyThePartIsInspectedNotTheBeltAroundIt() {
    // The simulator's flange has a rim radius of 0.36 of the image side; the region reaches 10 % beyond the rim.
    PatchCoreConfig c = PatchCoreCodec.configFrom(
        io.cellpilot.vision.pkg.ModelPackage.read(unsupervisedPackage, null).manifest().config());
    assertTrue(c.roi() > 0.38 && c.roi() < 0.41, "inspected region " + c.roi());
    assertTrue(c.inRegion(16, 16, 32, 32) && !c.inRegion(2, 2, 32, 32), "centre in, corner (belt) out");
  }

  @Test
  void theSupervisedModelIsJudgedOnlyOnDefectImagesItDidNotRemember() {
    // Half of each kind's 10 images remembered, except a part without its notch: it cannot be registered, so the
    // trainer leaves it out (the engine refuses it too).
    assertTrue(supervised.excludedAsTrained() >= 5 * 5 - 3 && supervised.excludedAsTrained() <= 5 * 5,
        "half of each kind remembered, left out: " + supervised.excludedAsTrained());
    assertTrue(supervised.perType().get("pit").imageAuroc() >= 0.90, figures(supervised));
    assertTrue(supervised.imageAuroc() >= 0.70, figures(supervised));
  }

  @Test
  void bothModelsReachTheIssuesFloorOnSimulatorData() {
    assertTrue(unsupervised.imageAuroc() >= 0.98, figures(unsupervised));
    assertTrue(supervised.imageAuroc() >= 0.98, figures(supervised));
  }

  @Test
  void theRegisteringModelRefusesAnImageWithoutAPartAndCountsIt() {
    float[] belt = new float[256 * 256];
    java.util.Arrays.fill(belt, 0.18f);
    try (InspectionEngine engine = InspectionEngine.load(unsupervisedPackage, null, EngineConfig.defaults())) {
      assertTrue(engine.manifest().registersPart(), "the package says it registers parts");
      VisionException e = assertThrows(VisionException.class,
          () -> engine.inspect(Images.toPng(new GreyImage(256, 256, belt))));
      assertEquals(VisionException.Reason.NO_PART, e.reason());
      assertTrue(e.getMessage().contains("no part found"), e.getMessage());
      assertEquals(1, engine.metrics().rejectedImages());
      assertEquals(0, engine.metrics().inspected());
    }
  }

  private static EvaluationReport evaluate(Path model, Path data) {
    try (InspectionEngine engine = InspectionEngine.load(model, null, EngineConfig.defaults())) {
      return Evaluator.evaluate(engine, MvtecDataset.open(data)).report();
    }
  }

  private static String figures(EvaluationReport r) {
    Map<String, String> perType = new TreeMap<>();
    r.perType().forEach((type, m) -> perType.put(type, String.format(Locale.ROOT, "%.3f/%s", m.imageAuroc(),
        m.pixelAuroc() == null ? "-" : String.format(Locale.ROOT, "%.3f", m.pixelAuroc()))));
    return String.format(Locale.ROOT, "image AUROC %.3f, pixel AUROC %s, per type (image/pixel) %s, refused %d",
        r.imageAuroc(), r.pixelAuroc() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.pixelAuroc()), perType,
        r.refused());
  }
}
