package io.cellpilot.vision.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.vision.VisionException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchCoreConfigTest {

  @Test
  void aManifestWrittenBeforeFlatteningExistedReadsAsFlatteningOff() {
    Map<String, Object> old = new LinkedHashMap<>(PatchCoreCodec.configMap(PatchCoreConfig.defaults()));
    old.remove("flatten");
    PatchCoreConfig c = PatchCoreCodec.configFrom(old);
    assertEquals(0, c.flatten());
    assertEquals(PatchCoreConfig.defaults().withFlatten(0), c);
  }

  @Test
  void theManifestKeepsTheFlatteningRadius() {
    PatchCoreConfig c = PatchCoreConfig.defaults().withFlatten(12);
    assertEquals(c, PatchCoreCodec.configFrom(PatchCoreCodec.configMap(c)));
  }

  @Test
  void aFlatteningRadiusOutOfRangeIsRefusedByName() {
    VisionException e = assertThrows(VisionException.class, () -> PatchCoreConfig.defaults().withFlatten(100));
    assertTrue(e.getMessage().contains("anomaly.flatten must be 0..64 px, was 100"), e.getMessage());
  }

  @Test
  void aManifestWrittenBeforeTheInspectedRegionExistedInspectsTheWholeImage() {
    Map<String, Object> old = new LinkedHashMap<>(PatchCoreCodec.configMap(PatchCoreConfig.defaults().withRoi(0.4)));
    old.remove("roi");
    PatchCoreConfig c = PatchCoreCodec.configFrom(old);
    assertEquals(0, c.roi());
    assertTrue(c.inRegion(0, 0, 32, 32), "a corner cell counts without a region");
  }

  @Test
  void theInspectedRegionIsADiscAroundTheCentre() {
    PatchCoreConfig c = PatchCoreConfig.defaults().withRoi(0.4);
    assertEquals(c, PatchCoreCodec.configFrom(PatchCoreCodec.configMap(c)));
    assertTrue(c.inRegion(16, 16, 32, 32));
    assertTrue(c.inRegion(16 + 12, 16, 32, 32), "12.5 cells from the centre, radius 12.8");
    assertTrue(!c.inRegion(16 + 13, 16, 32, 32), "13.5 cells from the centre");
    assertTrue(!c.inRegion(0, 0, 32, 32), "the corner (the belt around a registered part)");
    boolean[] scored = PatchCoreModel.scoredCells(c, 32, 32);
    assertTrue(scored[16 * 32 + 16] && !scored[0] && !scored[16 * 32 + 30]);
  }

  @Test
  void anInspectedRegionOutOfRangeIsRefusedByName() {
    VisionException e = assertThrows(VisionException.class, () -> PatchCoreConfig.defaults().withRoi(0.9));
    assertTrue(e.getMessage().contains("anomaly.roi must be 0 (whole image) or 0.05..0.75, was 0.9"),
        e.getMessage());
  }
}
