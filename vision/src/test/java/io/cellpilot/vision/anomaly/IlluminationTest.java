package io.cellpilot.vision.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.vision.image.Preprocessing.Input;
import org.junit.jupiter.api.Test;

class IlluminationTest {

  /** A 64 x 64 image lit from the left (a strong ramp) with a small dark pit in the bright half. */
  private static Input rampWithPit() {
    int w = 64;
    float[] v = new float[w * w];
    for (int y = 0; y < w; y++) {
      for (int x = 0; x < w; x++) {
        v[y * w + x] = -2f + 4f * x / (w - 1);
      }
    }
    for (int y = 30; y < 33; y++) {
      for (int x = 44; x < 47; x++) {
        v[y * w + x] -= 1.5f;
      }
    }
    return new Input(w, w, v);
  }

  @Test
  void flatteningRemovesTheLightingRampButKeepsASmallDefect() {
    Input flat = Illumination.flatten(rampWithPit(), 8);
    int w = flat.width();
    // Away from the pit, left and right of the image now look alike.
    float left = flat.values()[10 * w + 16];
    float right = flat.values()[10 * w + 48];
    assertEquals(left, right, 0.2f, "the ramp is gone");
    // The pit stands out from its surroundings.
    float pit = flat.values()[31 * w + 45];
    float beside = flat.values()[31 * w + 52];
    assertTrue(beside - pit > 1.5f, "pit " + pit + ", beside " + beside);
  }

  @Test
  void radiusZeroLeavesTheInputAsItIs() {
    Input in = rampWithPit();
    assertSame(in, Illumination.flatten(in, 0));
  }
}
