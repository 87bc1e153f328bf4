package io.cellpilot.controller.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.config.ConfigException;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.config.ConfigValidator;
import io.cellpilot.vision.engine.EngineConfig;
import io.cellpilot.vision.pkg.Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionSettingsTest {
  @TempDir
  Path dir;

  @Test
  void theDefaultsSizeOneEngineWorkerAndCheckPackagesByTheirChecksumOnly() {
    VisionSettings s = VisionSettings.of(ConfigValidator.validate(Map.of()));
    assertEquals(new EngineConfig(1, 16, 64, false), s.engine());
    assertEquals(Optional.empty(), s.trustedKey());
    assertEquals(Optional.empty(), s.readTrustedKey());
  }

  @Test
  void aConfiguredTrustedKeyIsReadAndTheEngineKeysAreMapped() throws Exception {
    Keys.writePair(Keys.generate(), dir.resolve("line1"));
    ConfigTree tree = ConfigValidator.validate(map("cellpilot.vision.trusted-key", dir.resolve("line1.pub").toString(),
        "cellpilot.vision.workers", 2, "cellpilot.vision.max-batch", 8, "cellpilot.vision.queue-capacity", 32,
        "cellpilot.vision.health.learn-on-site", true));
    VisionSettings s = VisionSettings.of(tree);
    assertEquals(new EngineConfig(2, 8, 32, false), s.engine());
    assertTrue(s.readTrustedKey().isPresent());
    assertTrue(s.learnOnSite());
  }

  @Test
  void aMissingOrWrongKeyFileAModelOfTheWrongKindAndASharedHealthModelEachNameTheirKey() throws Exception {
    Path notAKey = Files.writeString(dir.resolve("not-a-key.pub"), "hello");
    List<String> problems = assertThrows(ConfigException.class, () -> ConfigValidator.validate(map(
        "cellpilot.vision.trusted-key", notAKey.toString(),
        "cellpilot.models.press-health.kind", "health",
        "cellpilot.models.parts.kind", "inspection",
        "cellpilot.inspection.model", "press-health",
        "cellpilot.health.machines.press.tags", List.of("press.vibration"),
        "cellpilot.health.machines.press.model", "press-health",
        "cellpilot.health.machines.conveyor.tags", List.of("conveyor.vibration"),
        "cellpilot.health.machines.conveyor.model", "press-health"))).problems();
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("cellpilot.vision.trusted-key: ")), problems.toString());
    assertTrue(problems.contains("cellpilot.inspection.model names 'press-health', which is a health model, not an "
        + "inspection model"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.matches("cellpilot\\.health\\.machines\\.(press|conveyor)\\.model names "
        + "'press-health', which machine (press|conveyor) already uses: .*")), problems.toString());

    List<String> missing = assertThrows(ConfigException.class, () -> ConfigValidator.validate(map(
        "cellpilot.vision.trusted-key", dir.resolve("nowhere.pub").toString()))).problems();
    assertEquals(List.of("cellpilot.vision.trusted-key names " + dir.resolve("nowhere.pub") + ", which is not a file"),
        missing);
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
