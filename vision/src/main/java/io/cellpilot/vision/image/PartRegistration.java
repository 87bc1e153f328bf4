package io.cellpilot.vision.image;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import java.util.Arrays;

/**
 * Locates a round part in a grey image and puts it in a standard pose, as a line's vision system does before it
 * inspects: the part's centre moved to the image centre and the part turned so that its orientation mark (a notch
 * in the rim: the angle where the rim's radius dips) points right (+x). Pure and thread-safe.
 *
 * <p>Steps: Otsu threshold of a 3x3-smoothed image (material is the bright class), centroid of the material, then
 * the rim's radius on 360 rays scanned inwards from outside the part; the centre is corrected by the rim's first
 * Fourier component (a circle fit that holes and the notch do not pull), and the notch is the deepest dip of the
 * median-filtered rim profile. An image without a clear two-level part, without a round rim, or without one clear
 * dip is refused with {@link Reason#NO_PART}: a wrong pose would be a silent guess.
 */
public final class PartRegistration {
  private static final int RAYS = 360;
  /** A notch must dip at least this share of the rim radius (the simulator's notch: about 7.5 %). */
  static final double MIN_DIP = 0.03;
  /** The next deepest dip, at least 20 degrees away, must be at most this share of the deepest. */
  static final double MAX_SECOND_DIP = 0.5;

  private PartRegistration() {}

  /**
   * Where the part lies in the original image: its centre in pixels and the angle of its mark (radians, image
   * axes: x right, y down).
   */
  public record Placement(double centreX, double centreY, double markAngle, double radius) {

    /** Warps any image of the original's size (the photo, a defect mask) into the standard pose. */
    public GreyImage apply(GreyImage source) {
      int w = source.width();
      int h = source.height();
      double cos = Math.cos(markAngle);
      double sin = Math.sin(markAngle);
      float[] out = new float[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double dx = x + 0.5 - w / 2.0;
          double dy = y + 0.5 - h / 2.0;
          double sx = centreX + cos * dx - sin * dy;
          double sy = centreY + sin * dx + cos * dy;
          out[y * w + x] = sample(source, sx - 0.5, sy - 0.5, Float.NaN);
        }
      }
      return new GreyImage(w, h, out);
    }

    /**
     * Maps a grid computed on the registered image (e.g. a heat map, any resolution, spanning the whole image) back
     * onto the original image of {@code width x height}, at the same grid resolution; cells that came from outside
     * the registered image are 0.
     */
    public GreyImage toOriginal(GreyImage registeredGrid, int width, int height) {
      int gw = registeredGrid.width();
      int gh = registeredGrid.height();
      double cos = Math.cos(markAngle);
      double sin = Math.sin(markAngle);
      float[] out = new float[gw * gh];
      for (int j = 0; j < gh; j++) {
        for (int i = 0; i < gw; i++) {
          double dx = (i + 0.5) * width / gw - centreX;
          double dy = (j + 0.5) * height / gh - centreY;
          double rx = cos * dx + sin * dy + width / 2.0;
          double ry = -sin * dx + cos * dy + height / 2.0;
          out[j * gw + i] = sample(registeredGrid, rx * gw / width - 0.5, ry * gh / height - 0.5, 0f);
        }
      }
      return new GreyImage(gw, gh, out);
    }
  }

  /** A registered image and the placement it came from. */
  public record Registered(GreyImage image, Placement placement) {}

  /** Finds the part and returns the image in the standard pose; {@link VisionException} NO_PART when it cannot. */
  public static Registered register(GreyImage image) {
    Placement p = locate(image);
    return new Registered(p.apply(image), p);
  }

  /** Finds the part's centre and mark; {@link VisionException} NO_PART when there is no clear part or mark. */
  public static Placement locate(GreyImage image) {
    int w = image.width();
    int h = image.height();
    float[] smooth = boxBlur(image);
    float threshold = otsu(smooth, image);
    long count = 0;
    double sx = 0;
    double sy = 0;
    boolean[] material = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (smooth[y * w + x] > threshold) {
          material[y * w + x] = true;
          count++;
          sx += x + 0.5;
          sy += y + 0.5;
        }
      }
    }
    double share = (double) count / (w * h);
    if (share < 0.02 || share > 0.9) {
      throw refused(String.format(java.util.Locale.ROOT,
          "no part found: the bright class covers %.1f %% of the image (a part needs 2-90 %%)", 100 * share));
    }
    double cx = sx / count;
    double cy = sy / count;
    double reach = 1.6 * Math.sqrt(count / Math.PI);
    double[] rim = rim(material, w, h, cx, cy, reach);
    // Two circle-fit corrections: the centroid is pulled by holes; the rim's first harmonic is not.
    for (int pass = 0; pass < 2; pass++) {
      double[] filtered = median5(rim);
      double median = median(filtered);
      double ax = 0;
      double ay = 0;
      for (int k = 0; k < RAYS; k++) {
        double r = Math.max(filtered[k], median - 0.02 * median); // a dip must not pull the circle
        double a = angle(k);
        ax += r * Math.cos(a);
        ay += r * Math.sin(a);
      }
      cx += 2 * ax / RAYS;
      cy += 2 * ay / RAYS;
      rim = rim(material, w, h, cx, cy, reach);
    }
    return mark(median5(rim), cx, cy);
  }

  private static Placement mark(double[] rim, double cx, double cy) {
    double radius = median(rim);
    int outside = 0;
    double[] dip = new double[RAYS];
    for (int k = 0; k < RAYS; k++) {
      dip[k] = radius - rim[k];
      if (Math.abs(dip[k]) > 0.25 * radius) {
        outside++;
      }
    }
    if (radius < 8 || outside > RAYS / 10) {
      throw refused(String.format(java.util.Locale.ROOT, "no round part found: the rim radius (median %.1f px) "
          + "strays by more than 25 %% on %d of %d rays", radius, outside, RAYS));
    }
    int best = 0;
    for (int k = 1; k < RAYS; k++) {
      if (dip[k] > dip[best]) {
        best = k;
      }
    }
    double second = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < RAYS; k++) {
      int apart = Math.abs(k - best);
      if (Math.min(apart, RAYS - apart) >= 20) {
        second = Math.max(second, dip[k]);
      }
    }
    // At least 1.5 px too: the rays step by 0.5 px, so a smaller dip on a small part is indistinguishable from noise.
    double needed = Math.max(1.5, MIN_DIP * radius);
    if (dip[best] < needed || second > MAX_SECOND_DIP * dip[best]) {
      throw refused(String.format(java.util.Locale.ROOT, "no clear orientation mark on the rim: deepest dip %.1f px"
          + " (needs %.1f px), next %.1f px (must be at most half of it)", dip[best], needed, second));
    }
    // Sub-degree angle: the dip-weighted mean direction around the deepest ray.
    double ux = 0;
    double uy = 0;
    for (int d = -8; d <= 8; d++) {
      int k = Math.floorMod(best + d, RAYS);
      double weight = Math.max(0, dip[k]);
      ux += weight * Math.cos(angle(k));
      uy += weight * Math.sin(angle(k));
    }
    return new Placement(cx, cy, Math.atan2(uy, ux), radius);
  }

  /** The outermost material on each ray, scanned inwards from {@code reach}; 0 where a ray finds none. */
  private static double[] rim(boolean[] material, int w, int h, double cx, double cy, double reach) {
    double[] r = new double[RAYS];
    for (int k = 0; k < RAYS; k++) {
      double c = Math.cos(angle(k));
      double s = Math.sin(angle(k));
      for (double t = reach; t > 0; t -= 0.5) {
        int x = (int) Math.floor(cx + t * c);
        int y = (int) Math.floor(cy + t * s);
        if (x >= 0 && y >= 0 && x < w && y < h && material[y * w + x]) {
          r[k] = t;
          break;
        }
      }
    }
    return r;
  }

  private static double angle(int k) {
    return 2 * Math.PI * k / RAYS;
  }

  /** Otsu's threshold on 256 bins; refused when the image is not clearly two-level. */
  private static float otsu(float[] px, GreyImage image) {
    int[] hist = new int[256];
    for (float v : px) {
      hist[Math.max(0, Math.min(255, Math.round(v * 255)))]++;
    }
    double total = px.length;
    double sumAll = 0;
    double sqAll = 0;
    for (int i = 0; i < 256; i++) {
      sumAll += i * (double) hist[i];
      sqAll += (double) i * i * hist[i];
    }
    double variance = sqAll / total - (sumAll / total) * (sumAll / total);
    double bestBetween = -1;
    int bestT = 0;
    double bestGap = 0;
    double wB = 0;
    double sumB = 0;
    for (int t = 0; t < 255; t++) {
      wB += hist[t];
      sumB += t * (double) hist[t];
      double wF = total - wB;
      if (wB == 0 || wF == 0) {
        continue;
      }
      double mB = sumB / wB;
      double mF = (sumAll - sumB) / wF;
      double between = wB * wF * (mB - mF) * (mB - mF) / (total * total);
      if (between > bestBetween) {
        bestBetween = between;
        bestT = t;
        bestGap = mF - mB;
      }
    }
    // Separability (between-class over total variance): about 0.64 for plain noise, above 0.85 for a part on a belt.
    double separability = variance > 0 ? bestBetween / variance : 0;
    if (bestGap < 0.1 * 255 || separability < 0.8) {
      throw refused(String.format(java.util.Locale.ROOT, "no part found: the %dx%d image has no clear bright part on"
          + " a dark background (grey levels of the two classes %.0f apart, separability %.2f; a part needs 25 and "
          + "0.80)", image.width(), image.height(), bestGap, separability));
    }
    return (bestT + 0.5f) / 255f;
  }

  private static float[] boxBlur(GreyImage image) {
    int w = image.width();
    int h = image.height();
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float sum = 0;
        int n = 0;
        for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
          for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
            sum += image.at(xx, yy);
            n++;
          }
        }
        out[y * w + x] = sum / n;
      }
    }
    return out;
  }

  private static double[] median5(double[] r) {
    double[] out = new double[r.length];
    double[] window = new double[5];
    for (int k = 0; k < r.length; k++) {
      for (int d = -2; d <= 2; d++) {
        window[d + 2] = r[Math.floorMod(k + d, r.length)];
      }
      Arrays.sort(window);
      out[k] = window[2];
    }
    return out;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Bilinear sample at pixel-index coordinates; {@code outside} beyond the image (NaN: the nearest edge pixel). */
  private static float sample(GreyImage img, double fx, double fy, float outside) {
    int w = img.width();
    int h = img.height();
    if (!Float.isNaN(outside) && (fx < -0.5 || fy < -0.5 || fx > w - 0.5 || fy > h - 0.5)) {
      return outside;
    }
    fx = Math.max(0, Math.min(w - 1, fx));
    fy = Math.max(0, Math.min(h - 1, fy));
    int x0 = (int) fx;
    int y0 = (int) fy;
    int x1 = Math.min(w - 1, x0 + 1);
    int y1 = Math.min(h - 1, y0 + 1);
    double ax = fx - x0;
    double ay = fy - y0;
    double top = img.at(x0, y0) * (1 - ax) + img.at(x1, y0) * ax;
    double bottom = img.at(x0, y1) * (1 - ax) + img.at(x1, y1) * ax;
    return (float) (top * (1 - ay) + bottom * ay);
  }

  private static VisionException refused(String message) {
    return new VisionException(Reason.NO_PART, message);
  }
}
