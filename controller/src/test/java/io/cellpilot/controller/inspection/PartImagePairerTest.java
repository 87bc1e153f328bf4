package io.cellpilot.controller.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.ingest.CameraImage;
import io.cellpilot.controller.inspection.PartImagePairer.ImageWithoutPart;
import io.cellpilot.controller.inspection.PartImagePairer.PartWithoutImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartImagePairerTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
  private final PartImagePairer pairer = new PartImagePairer(Duration.ofSeconds(5), 100);

  private static CameraImage image(String partId) {
    return new CameraImage("cam", partId, new byte[] {1}, "image/png", T0, T0);
  }

  @Test
  void anImageThatArrivesFirstWaitsForItsPart() {
    assertTrue(pairer.image(image("P1"), T0).isEmpty());
    var pair = pairer.part("P1", T0.plusSeconds(1)).orElseThrow();
    assertEquals("P1", pair.partId());
    assertEquals(0, pairer.waitingImages());
  }

  @Test
  void aPartThatArrivesFirstWaitsForItsImageAndOtherImagesDoNotPairWithIt() {
    assertTrue(pairer.part("P1", T0).isEmpty());
    assertTrue(pairer.image(image("P2"), T0).isEmpty());
    var pair = pairer.image(image("P1"), T0.plusSeconds(2)).orElseThrow();
    assertEquals(T0, pair.arrivedAt());
    assertEquals(1, pairer.waitingImages());
  }

  @Test
  void aPartWithoutImageAndAnImageWithoutPartExpireAfterTheTimeout() {
    pairer.part("P1", T0);
    pairer.image(image("P9"), T0.plusSeconds(1));
    assertEquals(List.of(), pairer.expire(T0.plusSeconds(5)));
    List<PartImagePairer.Expired> first = pairer.expire(T0.plusMillis(5001));
    assertEquals(List.of(new PartWithoutImage("P1", T0)), first);
    List<PartImagePairer.Expired> second = pairer.expire(T0.plusMillis(6001));
    assertEquals(1, second.size());
    assertEquals("P9", ((ImageWithoutPart) second.get(0)).image().partId());
    assertTrue(pairer.part("P9", T0.plusSeconds(7)).isEmpty(), "an expired image no longer pairs");
  }
}
