package io.cellpilot.vision.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.SyntheticDefects;
import io.cellpilot.vision.image.SyntheticParts;
import io.cellpilot.vision.pkg.ModelPackage;
import io.cellpilot.vision.train.Trainers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defect memory's rule travels with the package: new packages use the nearer rule, old ones keep the margin. */
class DefectMemoryCodecTest {
  @TempDir
  Path dir;

  @Test
  void aNewPackageStoresTheNearerRuleAndAnOldOneKeepsTheMarginRule() {
    Path parts = dir.resolve("parts");
    SyntheticParts.writeDataset(parts, 64, 20, 4, 6, SyntheticDefects.kinds(), 31);
    Path fresh = dir.resolve("fresh.cpm");
    Trainers.anomaly(MvtecDataset.open(parts), PatchCoreConfig.defaults().withScale(0).withSide(64)
        .withBankSize(256), 0.5, new Trainers.Target(fresh, "parts", "1"), Progress.NONE);
    ModelPackage pkg = ModelPackage.read(fresh, null);
    assertTrue(pkg.hasEntry(PatchCoreCodec.DEFECTS_NEARER) && !pkg.hasEntry(PatchCoreCodec.DEFECTS));
    PatchCoreModel nearer = PatchCoreCodec.fromPackage(pkg);
    assertEquals(DefectMemory.Rule.NEARER, nearer.defects().rule());

    // A package written before the nearer rule: the same bytes under the old entry name.
    Map<String, byte[]> payload = new TreeMap<>(pkg.payload());
    payload.put(PatchCoreCodec.DEFECTS, payload.remove(PatchCoreCodec.DEFECTS_NEARER));
    Path old = dir.resolve("old.cpm");
    ModelPackage.write(old, pkg.manifest(), payload, null, null);
    PatchCoreModel margin = PatchCoreCodec.fromPackage(ModelPackage.read(old, null));
    assertEquals(DefectMemory.Rule.MARGIN, margin.defects().rule());
    assertEquals(nearer.knownDefectTypes(), margin.knownDefectTypes());
    var image = Images.read(MvtecDataset.open(parts).test().get(0).image());
    assertTrue(Double.isFinite(margin.score(List.of(image)).get(0).score()), "the old package still scores");
  }
}
