package io.cellpilot.sim.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartImageGeneratorTest {

  static final PartImageGenerator GENERATOR = new PartImageGenerator(256, 256);

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherImage() {
    PartImage a = GENERATOR.render(11, Optional.of(DefectKind.CRACK));
    PartImage b = GENERATOR.render(11, Optional.of(DefectKind.CRACK));
    PartImage c = GENERATOR.render(12, Optional.of(DefectKind.CRACK));

    assertArrayEquals(a.png(), b.png());
    assertArrayEquals(a.mask(), b.mask());
    assertFalse(Arrays.equals(a.pixels(), c.pixels()));
    assertFalse(Arrays.equals(a.mask(), c.mask()));
  }

  @Test
  void goodPartsVaryInPositionRotationAndLighting() {
    PartImage a = GENERATOR.render(1, Optional.empty());
    PartImage b = GENERATOR.render(2, Optional.empty());
    int differing = 0;
    for (int i = 0; i < a.pixels().length; i++) {
      differing += Math.abs((a.pixels()[i] & 0xFF) - (b.pixels()[i] & 0xFF)) > 20 ? 1 : 0;
    }
    assertTrue(differing > a.pixels().length / 20, "differing pixels: " + differing);
    assertEquals(0, a.maskArea());
    assertEquals(Optional.empty(), a.defect());
  }

  @ParameterizedTest
  @EnumSource(DefectKind.class)
  void theMaskCoversWhatTheDefectChanges(DefectKind kind) {
    for (long seed = 100; seed < 112; seed++) {
      PartImage good = GENERATOR.render(seed, Optional.empty());
      PartImage bad = GENERATOR.render(seed, Optional.of(kind));
      int changed = 0;
      int changedInMask = 0;
      int maskedAndVisible = 0;
      for (int i = 0; i < good.pixels().length; i++) {
        int diff = Math.abs((good.pixels()[i] & 0xFF) - (bad.pixels()[i] & 0xFF));
        boolean masked = bad.mask()[i] != 0;
        if (diff >= 6) {
          changed++;
          changedInMask += masked ? 1 : 0;
        }
        maskedAndVisible += masked && diff >= 3 ? 1 : 0;
      }
      String where = kind + " seed " + seed;
      assertTrue(bad.maskArea() > 10, where + ": mask area " + bad.maskArea());
      assertTrue(changed > 0, where + ": the defect changes no pixel");
      assertTrue(changedInMask >= 0.98 * changed, where + ": " + changedInMask + " of " + changed + " changed in mask");
      // The mask is not a loose blob around the defect: a good share of it shows the defect.
      assertTrue(maskedAndVisible >= 0.2 * bad.maskArea(), where + ": " + maskedAndVisible + " of " + bad.maskArea());
    }
  }

  @Test
  void meanBrightnessAloneCannotTellDefectivePartsFromGoodOnes() {
    List<Double> good = new ArrayList<>();
    List<Double> bad = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      good.add(mean(GENERATOR.render(1000 + i, Optional.empty())));
      bad.add(mean(GENERATOR.render(2000 + i, Optional.of(DefectKind.values()[i % 5]))));
    }
    double auc = auc(good, bad);
    assertTrue(auc > 0.3 && auc < 0.7, "AUC of mean brightness: " + auc);
  }

  static double mean(PartImage image) {
    long sum = 0;
    for (byte b : image.pixels()) {
      sum += b & 0xFF;
    }
    return (double) sum / image.pixels().length;
  }

  /** Probability that a random defective image is brighter than a random good one (0.5: no information). */
  static double auc(List<Double> good, List<Double> bad) {
    double wins = 0;
    for (double b : bad) {
      for (double g : good) {
        wins += b > g ? 1 : b == g ? 0.5 : 0;
      }
    }
    return wins / (good.size() * bad.size());
  }
}
