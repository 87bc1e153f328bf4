package io.cellpilot.vision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.anomaly.PatchCoreConfig;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.SyntheticDefects;
import io.cellpilot.vision.image.SyntheticParts;
import io.cellpilot.vision.train.Trainers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectionEngineTest {
  @TempDir
  static Path dir;
  static Path model;
  static InspectionEngine engine;
  static MvtecDataset data;

  @BeforeAll
  static void trainASmallModel() {
    SyntheticParts.writeDataset(dir.resolve("parts"), 128, 40, 8, 4, SyntheticDefects.kinds(), 3);
    data = MvtecDataset.open(dir.resolve("parts"));
    model = dir.resolve("parts.cpm");
    Trainers.anomaly(data, PatchCoreConfig.defaults().withScale(0).withSide(128).withBankSize(1024),
        new Trainers.Target(model, "parts", "test-1"), Progress.NONE);
    engine = InspectionEngine.load(model, null, new EngineConfig(2, 8, 64, true));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void aVerdictCarriesScoreThresholdHeatMapVersionAndLatency() throws Exception {
    Verdict v = engine.inspect(Files.readAllBytes(data.test().get(0).image()));
    assertEquals("test-1", v.modelVersion());
    assertTrue(v.threshold() > 0);
    assertEquals(v.score() >= v.threshold(), v.defective());
    assertEquals(v.defective() ? "defect" : "good", v.label());
    assertNotNull(v.heatMap());
    assertEquals(32, v.heatMap().width());
    assertTrue(v.latencyNanos() > 0);
  }

  @Test
  void paintedDefectsScoreAboveTheGoodParts() throws Exception {
    double maxGood = 0;
    double minDefect = Double.MAX_VALUE;
    for (MvtecDataset.Sample s : data.test()) {
      double score = engine.inspect(Files.readAllBytes(s.image())).score();
      if (s.isGood()) {
        maxGood = Math.max(maxGood, score);
      } else if (!s.type().equals("stain")) {
        minDefect = Math.min(minDefect, score);
      }
    }
    assertTrue(minDefect > maxGood, "pits, scratches and cracks above every good part: " + minDefect + " vs "
        + maxGood);
  }

  @Test
  void sixteenBitGreyAndRgbJpegOfAnotherSizeAreAccepted() throws Exception {
    GreyImage part = SyntheticParts.part(200, new Random(9));
    Verdict grey16 = engine.inspect(encode(SyntheticParts.to16Bit(part), "png"));
    BufferedImage rgb = new BufferedImage(300, 240, BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(Images.overlay(part, new GreyImage(1, 1, new float[1])), 0, 0, 300, 240, null);
    Verdict jpeg = engine.inspect(encode(rgb, "jpg"));
    assertTrue(Double.isFinite(grey16.score()));
    assertTrue(Double.isFinite(jpeg.score()));
    assertTrue(Double.isFinite(engine.inspect(rgb).score()));
  }

  @Test
  void aCorruptImageIsRefusedAndCountedAndTheEngineCarriesOn() throws Exception {
    long before = engine.metrics().rejectedImages();
    byte[] png = Files.readAllBytes(data.test().get(1).image());
    byte[] broken = Arrays.copyOf(png, png.length / 2);
    VisionException e = assertThrows(VisionException.class, () -> engine.inspect(broken));
    assertEquals(Reason.CORRUPT_IMAGE, e.reason());
    assertEquals(before + 1, engine.metrics().rejectedImages());
    assertTrue(Double.isFinite(engine.inspect(png).score()));
  }

  @Test
  void manyThreadsGetEveryVerdictAndQueuedPartsShareBatches() throws Exception {
    long batchesBefore = engine.metrics().batches();
    long inspectedBefore = engine.metrics().inspected();
    byte[] png = Files.readAllBytes(data.test().get(2).image());
    double expected = engine.inspect(png).score();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Verdict>> all = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        all.add(CompletableFuture.supplyAsync(() -> engine.inspectAsync(png), pool).thenCompose(f -> f));
      }
      for (CompletableFuture<Verdict> f : all) {
        assertEquals(expected, f.join().score(), 1e-4, "same image, same score on every worker and batch");
      }
    } finally {
      pool.shutdown();
    }
    EngineMetrics m = engine.metrics();
    assertEquals(inspectedBefore + 65, m.inspected());
    assertTrue(m.batches() - batchesBefore < 65, "queued parts were batched: " + (m.batches() - batchesBefore)
        + " calls for 65 images");
    assertTrue(m.latency().count() >= 65);
    assertTrue(m.latency().quantileSeconds(0.99) >= m.latency().quantileSeconds(0.5));
  }

  @Test
  void aFullQueueRefusesInsteadOfWaitingForever() throws Exception {
    GreyImage part = Images.read(data.test().get(0).image());
    try (InspectionEngine small = InspectionEngine.load(model, null, new EngineConfig(1, 1, 1, false))) {
      List<CompletableFuture<Verdict>> all = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        all.add(small.inspectAsync(part));
      }
      long overloaded = all.stream().filter(f -> {
        try {
          f.join();
          return false;
        } catch (CompletionException e) {
          assertInstanceOf(VisionException.class, e.getCause());
          return ((VisionException) e.getCause()).reason() == Reason.OVERLOADED;
        }
      }).count();
      assertTrue(overloaded > 0, "some of 40 instant submissions hit a queue of 1");
      assertEquals(overloaded, small.metrics().rejectedOverload());
    }
  }

  private static byte[] encode(BufferedImage image, String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
