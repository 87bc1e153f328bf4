package io.cellpilot.controller.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.inspection.InspectionModel;
import io.cellpilot.controller.support.TestModelPackages;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.InProcessEventBus;
import io.cellpilot.events.ModelChanged;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  @TempDir
  Path dir;
  private final List<CellEvent> events = new CopyOnWriteArrayList<>();

  private ModelRegistry registry() {
    InProcessEventBus bus = new InProcessEventBus();
    bus.subscribe(events::add);
    return new ModelRegistry(Map.of("inspection", "inspection", "press", "health"), new TestModelPackages(), dir,
        bus, EventIds.startingNow(), Clock.systemUTC());
  }

  @Test
  void aTamperedPackageIsRefusedAndTheOldModelKeepsServing() throws Exception {
    ModelRegistry registry = registry();
    registry.load("inspection", TestModelPackages.write(dir.resolve("v1.pkg"), "v1", 0.5), "eng");
    Path tampered = TestModelPackages.writeTampered(dir.resolve("v2.pkg"), "v2", 0.5);

    ModelPackageRefused e = assertThrows(ModelPackageRefused.class,
        () -> registry.load("inspection", tampered, "eng"));
    assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    InspectionModel serving = registry.active("inspection").orElseThrow().as(InspectionModel.class);
    assertEquals("v1", serving.version());
    assertEquals(1, events.size(), "only the first load is an event");
  }

  @Test
  void rollbackReturnsToThePreviousVersionAndSaysWhenThereIsNone() throws Exception {
    ModelRegistry registry = registry();
    registry.load("inspection", TestModelPackages.write(dir.resolve("v1.pkg"), "v1", 0.5), "eng");
    registry.load("inspection", TestModelPackages.write(dir.resolve("v2.pkg"), "v2", 0.4), "eng");
    assertEquals("v1", registry.rollback("inspection", "eng").version());
    assertEquals("v1", registry.list().stream().filter(m -> m.id().equals("inspection")).findFirst().orElseThrow()
        .active());
    assertThrows(ModelPackageRefused.class, () -> registry.rollback("inspection", "eng"));
    assertEquals(ModelChanged.Change.ROLLED_BACK, ((ModelChanged) events.get(2)).change());
  }

  @Test
  void aShadowCandidateRunsBesideTheActiveModelWithoutReplacingIt() throws Exception {
    ModelRegistry registry = registry();
    registry.load("inspection", TestModelPackages.write(dir.resolve("v1.pkg"), "v1", 0.5), "eng");
    registry.startShadow("inspection", TestModelPackages.write(dir.resolve("v2.pkg"), "v2", 0.4), "eng");
    assertEquals("v1", registry.active("inspection").orElseThrow().version());
    assertEquals("v2", registry.shadow("inspection").orElseThrow().version());
    registry.stopShadow("inspection", "eng");
    assertTrue(registry.shadow("inspection").isEmpty());
  }

  @Test
  void packagesOfTheWrongKindUnknownSlotsAndPathsOutsideTheModelFolderAreRefused() throws Exception {
    ModelRegistry registry = registry();
    Path pkg = TestModelPackages.write(dir.resolve("v1.pkg"), "v1", 0.5);
    assertTrue(assertThrows(ModelPackageRefused.class, () -> registry.load("press", pkg, "eng")).getMessage()
        .contains("is of kind health"));
    assertThrows(ModelPackageRefused.class, () -> registry.load("nope", pkg, "eng"));
    assertThrows(ModelPackageRefused.class, () -> registry.resolvePackage("../../etc/passwd"));
    assertEquals(dir.resolve("v1.pkg").toAbsolutePath(), registry.resolvePackage("v1.pkg"));
  }
}
