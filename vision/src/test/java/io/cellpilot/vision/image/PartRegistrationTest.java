package io.cellpilot.vision.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.camera.DefectKind;
import io.cellpilot.sim.camera.PartImage;
import io.cellpilot.sim.camera.PartImageGenerator;
import io.cellpilot.vision.VisionException;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartRegistrationTest {
  private static final PartImageGenerator CAMERA = new PartImageGenerator(256, 256);

  @Test
  void theSamePartAtTwoPlacesAndRotationsRegistersToNearlyTheSameImage() {
    GreyImage part = decode(CAMERA.render(11, Optional.empty()));
    GreyImage moved = rotateAndShift(part, Math.toRadians(137), 9, -6);
    GreyImage a = PartRegistration.register(part).image();
    GreyImage b = PartRegistration.register(moved).image();
    // Compare the part itself (inside the rim): the belt around it came from outside the moved image.
    double diff = meanAbsDifferenceInside(a, b, 0.3 * 256);
    double unregistered = meanAbsDifferenceInside(part, moved, 0.3 * 256);
    assertTrue(diff < 0.025, "registered images differ by " + diff + " on average (unregistered " + unregistered
        + ")");
    assertTrue(unregistered > 4 * diff, "registration must remove most of the difference: " + unregistered + " vs "
        + diff);
  }

  @Test
  void theMarkOfEveryGoodPartOfTheSimulatorIsFoundAndEndsAtTheSamePlace() {
    for (long seed = 1; seed <= 40; seed++) {
      GreyImage image = decode(CAMERA.render(seed, Optional.empty()));
      PartRegistration.Placement p = PartRegistration.locate(image);
      GreyImage registered = p.apply(image);
      PartRegistration.Placement again = PartRegistration.locate(registered);
      assertEquals(128, again.centreX(), 1.0, "seed " + seed + ": " + again);
      assertEquals(128, again.centreY(), 1.0, "seed " + seed + ": " + again);
      assertEquals(0, again.markAngle(), Math.toRadians(2), "seed " + seed + ": " + again);
    }
  }

  @Test
  void aBlankImageIsRefusedWithAClearMessage() {
    float[] grey = new float[128 * 128];
    Arrays.fill(grey, 0.4f);
    VisionException e = assertThrows(VisionException.class,
        () -> PartRegistration.register(new GreyImage(128, 128, grey)));
    assertEquals(VisionException.Reason.NO_PART, e.reason());
    assertTrue(e.getMessage().contains("no part found"), e.getMessage());
  }

  @Test
  void noiseWithoutAPartIsRefused() {
    java.util.Random r = new java.util.Random(3);
    float[] noise = new float[128 * 128];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) Math.max(0, Math.min(1, 0.5 + 0.2 * r.nextGaussian()));
    }
    VisionException e = assertThrows(VisionException.class,
        () -> PartRegistration.register(new GreyImage(128, 128, noise)));
    assertEquals(VisionException.Reason.NO_PART, e.reason());
  }

  @Test
  void aPartWithoutItsNotchIsRefusedAsHavingNoClearMark() {
    int refused = 0;
    int missing = 0;
    for (long seed = 1; seed <= 40; seed++) {
      PartImage img = CAMERA.render(seed, Optional.of(DefectKind.MISSING_FEATURE));
      GreyImage image = decode(img);
      try {
        PartRegistration.locate(image);
      } catch (VisionException e) {
        assertTrue(e.getMessage().contains("no clear orientation mark"), e.getMessage());
        refused++;
      }
      // The simulator leaves the notch out in about a quarter of its missing features; its mask is then on the rim.
      missing += notchMissing(img) ? 1 : 0;
    }
    assertEquals(missing, refused, "every part without its notch, and only those, refused");
    assertTrue(missing > 0, "the sample holds parts without a notch");
  }

  @Test
  void aHeatMapOnTheRegisteredImageMapsBackOntoTheOriginal() {
    GreyImage image = decode(CAMERA.render(5, Optional.empty()));
    PartRegistration.Placement p = PartRegistration.locate(image);
    // A mark on the original, carried into the registered frame and back on a 64 x 64 grid, lands where it was.
    float[] spot = new float[256 * 256];
    for (int y = 60; y < 76; y++) {
      for (int x = 90; x < 106; x++) {
        spot[y * 256 + x] = 1f;
      }
    }
    GreyImage registered = p.apply(new GreyImage(256, 256, spot)).resize(64, 64);
    GreyImage back = p.toOriginal(registered, 256, 256);
    assertTrue(back.at(24, 17) > 0.8f, "centre of the spot: " + back.at(24, 17));
    assertTrue(back.at(40, 40) < 0.05f, "far from the spot: " + back.at(40, 40));
  }

  private static boolean notchMissing(PartImage img) {
    // The missing feature's mask lies at the rim for the notch (radius 0.36 x 256 = 92 px from the part's centre),
    // at 0.66 of it for a bolt hole; the part's centre is estimated from its bright pixels.
    double sx = 0;
    double sy = 0;
    int n = 0;
    double mx = 0;
    double my = 0;
    int m = 0;
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        if (img.pixel(x, y) > 100) {
          sx += x;
          sy += y;
          n++;
        }
        if (img.masked(x, y)) {
          mx += x;
          my += y;
          m++;
        }
      }
    }
    return Math.hypot(mx / m - sx / n, my / m - sy / n) > 0.83 * 92;
  }

  static GreyImage decode(PartImage img) {
    float[] px = new float[img.width() * img.height()];
    for (int i = 0; i < px.length; i++) {
      px[i] = (img.pixels()[i] & 0xFF) / 255f;
    }
    return new GreyImage(img.width(), img.height(), px);
  }

  private static GreyImage rotateAndShift(GreyImage src, double angle, double dx, double dy) {
    // Same placement arithmetic as the registration, but as an independent transform of the whole picture.
    int w = src.width();
    int h = src.height();
    float[] out = new float[w * h];
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double ux = x - w / 2.0 - dx;
        double uy = y - h / 2.0 - dy;
        int sx = (int) Math.round(w / 2.0 + c * ux + s * uy);
        int sy = (int) Math.round(h / 2.0 - s * ux + c * uy);
        out[y * w + x] = sx >= 0 && sy >= 0 && sx < w && sy < h ? src.at(sx, sy) : src.at(0, 0);
      }
    }
    return new GreyImage(w, h, out);
  }

  private static double meanAbsDifferenceInside(GreyImage a, GreyImage b, double radius) {
    double sum = 0;
    int n = 0;
    for (int y = 0; y < a.height(); y++) {
      for (int x = 0; x < a.width(); x++) {
        if (Math.hypot(x + 0.5 - a.width() / 2.0, y + 0.5 - a.height() / 2.0) < radius) {
          sum += Math.abs(a.at(x, y) - b.at(x, y));
          n++;
        }
      }
    }
    return sum / n;
  }
}
