package io.cellpilot.vision.anomaly;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.TestData;
import io.cellpilot.vision.eval.Roc;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.SyntheticDefects;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The measurements behind {@link PatchCoreConfig#defaults()}: each candidate is chosen on synthetic defects painted on
 * held-out good tiles (never on the real defects), and the real test set is only reported. Slow; run by hand.
 */
@Tag("slow")
class PatchCoreExperimentTest {

  @Test
  void compareFeatureConfigurationsOnHeldOutData() {
    MvtecDataset data = MvtecDataset.open(TestData.magneticTile());
    List<GreyImage> good = new ArrayList<>(data.trainGood().stream().map(s -> Images.read(s.image())).toList());
    Collections.shuffle(good, new Random(7));
    List<GreyImage> fit = good.subList(0, 200);
    List<GreyImage> held = good.subList(200, good.size());
    Random random = new Random(11);
    List<GreyImage> validation = new ArrayList<>(held);
    List<Boolean> validationPositive = new ArrayList<>(Collections.nCopies(held.size(), false));
    for (GreyImage g : held) {
      SyntheticDefects.Kind kind = SyntheticDefects.kinds().get(random.nextInt(4));
      validation.add(SyntheticDefects.paint(g, kind, random).image());
      validationPositive.add(true);
    }
    List<GreyImage> test = data.test().stream().map(s -> Images.read(s.image())).toList();
    boolean[] testPositive = new boolean[test.size()];
    for (int i = 0; i < test.size(); i++) {
      testPositive[i] = !data.test().get(i).isGood();
    }
    boolean[] valPositive = new boolean[validation.size()];
    for (int i = 0; i < valPositive.length; i++) {
      valPositive[i] = validationPositive.get(i);
    }
    String only = System.getProperty("configs", "");
    PatchCoreConfig base = new PatchCoreConfig(0.35, 512, 11, 7, 32, 64, 2, FilterBank.DESIGNED, 4096, 3, 6, 42);
    List<PatchCoreConfig> configs = List.of(
        base,
        base.withPositionWeight(10),
        base.withDepth(3),
        base.withBankSize(8192),
        base.withBankSize(16000).withPositionWeight(10),
        base.withBankSize(16000),
        base.withDepth(1),
        base.withBank(FilterBank.RANDOM),
        base.withPositionWeight(0),
        base.withScale(0.5),
        base.withScale(0.25),
        base.withKernel(5),
        base.withScale(0).withSide(128),
        PatchCoreConfig.defaults(),
        PatchCoreConfig.defaults().withFlatten(8),
        PatchCoreConfig.defaults().withFlatten(16),
        PatchCoreConfig.defaults().withFlatten(32),
        PatchCoreConfig.defaults().withFlatten(16).withBankSize(4096),
        base.withFlatten(16),
        PatchCoreConfig.defaults().withFilters(18),
        PatchCoreConfig.defaults().withScale(0.25).withFlatten(11),
        PatchCoreConfig.defaults().withScale(0.25).withFlatten(11).withFilters(18),
        PatchCoreConfig.defaults().withScale(0.2).withFlatten(9).withFilters(18),
        PatchCoreConfig.defaults().withScale(0.25).withFlatten(11).withFilters(24));
    for (int i = 0; i < configs.size(); i++) {
      if (!only.isEmpty() && !List.of(only.split(",")).contains(String.valueOf(i))) {
        continue;
      }
      PatchCoreConfig c = configs.get(i);
      long t0 = System.nanoTime();
      PatchCoreModel model = PatchCoreModel.train(fit, c, Progress.NONE);
      long t1 = System.nanoTime();
      List<AnomalyMap> valMaps = model.score(validation);
      double val = Roc.auroc(valMaps.stream().mapToDouble(AnomalyMap::score).toArray(), valPositive);
      long t2 = System.nanoTime();
      List<AnomalyMap> testMaps = model.score(test);
      double real = Roc.auroc(testMaps.stream().mapToDouble(AnomalyMap::score).toArray(), testPositive);
      if (System.getProperty("dump") != null) {
        java.awt.image.BufferedImage sheet = new java.awt.image.BufferedImage(6 * 200, 2 * 200,
            java.awt.image.BufferedImage.TYPE_INT_RGB);
        List<GreyImage> show = List.of(validation.get(50), validation.get(51), validation.get(52),
            test.get(0), test.get(35), test.get(70), validation.get(0), validation.get(1), validation.get(2),
            test.get(100), test.get(110), test.get(120));
        for (int k = 0; k < show.size(); k++) {
          AnomalyMap m = model.score(List.of(show.get(k))).get(0);
          float[] heat = m.heat().clone();
          for (int j = 0; j < heat.length; j++) {
            heat[j] = (float) (heat[j] / 12.0);
          }
          var ov = Images.overlay(show.get(k), new GreyImage(m.gridWidth(), m.gridHeight(), heat));
          var g = sheet.createGraphics();
          g.drawImage(ov, (k % 6) * 200, (k / 6) * 200, 200, 200, null);
          g.setColor(java.awt.Color.GREEN);
          g.drawString(String.format("%.2f", m.score()), (k % 6) * 200 + 5, (k / 6) * 200 + 15);
          g.dispose();
        }
        Images.writePng(sheet, java.nio.file.Path.of("/tmp/look/heat" + i + ".png"));
      }
      log("EXP %d %s: train %.1fs, synthetic-val AUROC %.3f, real test AUROC %.3f (%.0f ms/img)%n",
          i, c, (t1 - t0) / 1e9, val, real, (t2 - t1) / 1e6 / validation.size());
    }
  }

  /** Results go to stdout and to a file that survives the run: target/patchcore-experiments.txt. */
  private static void log(String format, Object... args) {
    String line = String.format(format, args);
    System.out.print(line);
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of("target/patchcore-experiments.txt"), line,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double[] scores(PatchCoreModel model, List<GreyImage> images) {
    return model.score(images).stream().mapToDouble(AnomalyMap::score).toArray();
  }
}
