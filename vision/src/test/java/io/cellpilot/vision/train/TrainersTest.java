package io.cellpilot.vision.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.anomaly.PatchCoreConfig;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.SyntheticDefects;
import io.cellpilot.vision.image.SyntheticParts;
import io.cellpilot.vision.pkg.Manifest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainersTest {
  @TempDir
  Path dir;

  private static final PatchCoreConfig SMALL = PatchCoreConfig.defaults().withScale(0).withSide(64)
      .withBankSize(256);

  @Test
  void addingDefectsToAnUnsupervisedPackageGivesTheSameModelAsTrainingWithThem() {
    Path parts = dir.resolve("parts");
    SyntheticParts.writeDataset(parts, 64, 20, 4, 6, SyntheticDefects.kinds(), 21);
    MvtecDataset data = MvtecDataset.open(parts);
    Path base = dir.resolve("base.cpm");
    Trainers.anomaly(data, SMALL, new Trainers.Target(base, "parts", "1"), Progress.NONE);
    Manifest added = Trainers.addDefects(data, base, 0.5, new Trainers.Target(dir.resolve("added.cpm"), "parts",
        "1"), Progress.NONE);
    Manifest direct = Trainers.anomaly(data, SMALL, 0.5, new Trainers.Target(dir.resolve("direct.cpm"), "parts",
        "1"), Progress.NONE);
    assertEquals(direct.trainedOn(), added.trainedOn());
    assertEquals(direct.labels(), added.labels());
    assertEquals(direct.threshold(), added.threshold(), 1e-4);
  }

  @Test
  void defectsAreNotAddedToAPackageTrainedOnOtherGoodParts() {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    SyntheticParts.writeDataset(a, 64, 12, 2, 4, SyntheticDefects.kinds(), 22);
    SyntheticParts.writeDataset(b, 64, 12, 2, 4, SyntheticDefects.kinds(), 23);
    Path base = dir.resolve("a.cpm");
    Trainers.anomaly(MvtecDataset.open(a), SMALL, new Trainers.Target(base, "a", "1"), Progress.NONE);
    VisionException e = assertThrows(VisionException.class, () -> Trainers.addDefects(MvtecDataset.open(b), base,
        0.5, new Trainers.Target(dir.resolve("x.cpm"), "x", "1"), Progress.NONE));
    assertTrue(e.getMessage().contains("was not trained on") && e.getMessage().contains("fingerprint"),
        e.getMessage());
  }
}
