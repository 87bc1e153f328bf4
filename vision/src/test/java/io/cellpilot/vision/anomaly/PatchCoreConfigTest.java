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
}
