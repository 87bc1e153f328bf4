package io.cellpilot.controller.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.inspection.ImageRejectedException;
import io.cellpilot.controller.inspection.InspectionModel;
import io.cellpilot.controller.inspection.ModelVerdict;
import io.cellpilot.controller.models.ModelPackageRefused;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.events.EventIds;
import io.cellpilot.events.InProcessEventBus;
import io.cellpilot.sim.camera.DefectKind;
import io.cellpilot.sim.camera.PartImageGenerator;
import io.cellpilot.vision.engine.EngineConfig;
import io.cellpilot.vision.pkg.Keys;
import io.cellpilot.vision.pkg.ModelPackage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default inspection package the simulated cell ships (deploy/models/inspection.cpm), signed here with a line
 * key, loaded through the model registry and the vision loader, judging images from the simulator's camera.
 */
class VisionInspectionTest {
  static final Path DEFAULT_MODEL = Path.of("..", "deploy", "models", "inspection.cpm");

  @TempDir
  static Path dir;
  static KeyPair lineKey;
  static Path v1;
  static Path v2;
  static Path tamperedV2;
  static Path signedByAnother;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private VisionModelLoader loader;
  private ModelRegistry registry;

  @BeforeAll
  static void signTheDefaultModelTwice() throws IOException {
    lineKey = Keys.generate();
    ModelPackage shipped = ModelPackage.read(DEFAULT_MODEL, null);
    v1 = sign(shipped, "1", lineKey, dir.resolve("inspection-v1.cpm"));
    v2 = sign(shipped, "2", lineKey, dir.resolve("inspection-v2.cpm"));
    tamperedV2 = lowerTheThreshold(v2, dir.resolve("inspection-v2-tampered.cpm"));
    signedByAnother = sign(shipped, "3", Keys.generate(), dir.resolve("inspection-other-key.cpm"));
  }

  @BeforeEach
  void registryWithTheVisionLoader() {
    loader = new VisionModelLoader(lineKey.getPublic(), new EngineConfig(1, 4, 8, false), false,
        new VisionMetrics(meters));
    registry = new ModelRegistry(Map.of("inspection", "inspection", "press", "health"), loader, dir,
        new InProcessEventBus(), EventIds.startingNow(), Clock.systemUTC());
  }

  @AfterEach
  void stopTheEngines() {
    loader.close();
  }

  @Test
  void theShippedPackageLoadedThroughTheRegistryJudgesSimulatorImages() throws Exception {
    registry.load("inspection", v1, "eng");
    InspectionModel model = registry.active("inspection").orElseThrow().as(InspectionModel.class);
    assertEquals("sim-parts:1", model.version());
    assertEquals(ModelPackage.read(DEFAULT_MODEL, null).manifest().threshold(), model.threshold(), 1e-12,
        "the threshold evaluate chose, from the package");

    PartImageGenerator camera = new PartImageGenerator(256, 256);
    ModelVerdict good = model.inspect(camera.render(21, Optional.empty()).png());
    ModelVerdict pit = model.inspect(camera.render(22, Optional.of(DefectKind.PIT)).png());
    assertTrue(Double.isFinite(good.score()) && Double.isFinite(pit.score()), good + " " + pit);
    assertEquals(good.score() >= model.threshold(), good.verdict() == io.cellpilot.events.PartInspected.Verdict.DEFECT,
        "the verdict follows the package's threshold: " + good);
    assertEquals(2.0, meters.get("cellpilot.vision.inspections").tag("model", "sim-parts").counters().stream()
        .mapToDouble(c -> c.count()).sum());
    assertEquals(2, meters.get("cellpilot.vision.latency").tag("version", "1").timer().count());
  }

  @Test
  void aTamperedPackageIsRefusedAndTheOldModelKeepsServing() throws Exception {
    registry.load("inspection", v1, "eng");
    InspectionModel serving = registry.active("inspection").orElseThrow().as(InspectionModel.class);

    ModelPackageRefused tampered = assertThrows(ModelPackageRefused.class,
        () -> registry.load("inspection", tamperedV2, "eng"));
    assertTrue(tampered.getMessage().contains("inspection-v2-tampered.cpm"), tampered.getMessage());
    ModelPackageRefused foreign = assertThrows(ModelPackageRefused.class,
        () -> registry.load("inspection", signedByAnother, "eng"));
    assertTrue(foreign.getMessage().toLowerCase().contains("sign"), foreign.getMessage());

    assertSame(serving, registry.active("inspection").orElseThrow().as(InspectionModel.class));
    assertEquals("sim-parts:1", serving.version());
    byte[] image = new PartImageGenerator(256, 256).render(5, Optional.empty()).png();
    assertTrue(Double.isFinite(serving.inspect(image).score()), "the old model still judges parts");

    registry.load("inspection", v2, "eng");
    assertEquals("sim-parts:2", registry.active("inspection").orElseThrow().version(), "the honest v2 loads");
  }

  @Test
  void corruptAndWrongSizedImagesAreRefusedAndCountedByReason() throws Exception {
    registry.load("inspection", v1, "eng");
    InspectionModel model = registry.active("inspection").orElseThrow().as(InspectionModel.class);
    byte[] png = new PartImageGenerator(256, 256).render(9, Optional.empty()).png();
    byte[] truncated = java.util.Arrays.copyOf(png, png.length / 3);

    ImageRejectedException corrupt = assertThrows(ImageRejectedException.class,
        () -> model.inspect("not an image".getBytes(StandardCharsets.US_ASCII)));
    assertThrows(ImageRejectedException.class, () -> model.inspect(truncated));
    ImageRejectedException tiny = assertThrows(ImageRejectedException.class, () -> model.inspect(tinyPng()));
    assertTrue(!corrupt.getMessage().isBlank() && !tiny.getMessage().isBlank());

    double corruptCount = meters.get("cellpilot.vision.rejected").tag("reason", "corrupt-image").counter().count();
    double sizeCount = meters.get("cellpilot.vision.rejected").tag("reason", "wrong-dimensions").counter().count();
    double allCount = meters.get("cellpilot.vision.rejected").counters().stream().mapToDouble(c -> c.count()).sum();
    assertTrue(corruptCount >= 1, "the text is a corrupt image");
    assertEquals(1.0, sizeCount, "the 4 x 4 image");
    assertEquals(3.0, allCount, "every refusal counted once, by reason");
    assertTrue(Double.isFinite(model.inspect(png).score()), "the model keeps serving after refusals");
  }

  @Test
  void aHealthPackageCannotServeAsTheInspectionModel() {
    ModelPackageRefused e = assertThrows(ModelPackageRefused.class,
        () -> new VisionModelLoader(null, EngineConfig.defaults(), false, new VisionMetrics(meters))
            .load("inspection", Path.of("..", "deploy", "models", "press-health.cpm")));
    assertTrue(e.getMessage().contains("holds a health model"), e.getMessage());
  }

  private static Path sign(ModelPackage pkg, String version, KeyPair key, Path out) {
    ModelPackage.write(out, pkg.manifest().withVersion(version), pkg.payload(), key.getPrivate(), key.getPublic());
    return out;
  }

  /** Copies a package entry by entry, changing the manifest's threshold but leaving its checksum and signature. */
  private static Path lowerTheThreshold(Path signed, Path out) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(signed));
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals(ModelPackage.MANIFEST)) {
          String manifest = new String(bytes, StandardCharsets.UTF_8);
          String changed = manifest.replaceFirst("\"threshold\"\\s*:\\s*[0-9.eE+-]+", "\"threshold\":0.01");
          assertTrue(!changed.equals(manifest), "the manifest has a threshold to change");
          bytes = changed.getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    return out;
  }

  private static byte[] tinyPng() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", out);
    return out.toByteArray();
  }
}
