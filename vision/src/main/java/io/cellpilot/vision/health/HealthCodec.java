package io.cellpilot.vision.health;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.pkg.ModelPackage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores a health detector's settings and learned profile in a package manifest, and builds detectors from it. */
public final class HealthCodec {
  public static final String KIND = "health";

  private HealthCodec() {}

  public static Map<String, Object> configMap(HealthConfig c, HealthProfile p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("window", c.window());
    m.put("probationWindows", c.probationWindows());
    m.put("ewmaLambda", c.ewmaLambda());
    m.put("raiseScore", c.raiseScore());
    m.put("clearScore", c.clearScore());
    m.put("raiseAfter", c.raiseAfter());
    m.put("clearAfter", c.clearAfter());
    m.put("median", p.median());
    m.put("scale", p.scale());
    m.put("ewmaStd", p.ewmaStd());
    return m;
  }

  /** A detector that scores from the first window with the packaged profile. */
  public static HealthDetector detector(ModelPackage pkg) {
    HealthConfig config = config(pkg);
    try {
      Map<String, Object> c = pkg.manifest().config();
      HealthProfile profile = new HealthProfile(doubles(c.get("median")), doubles(c.get("scale")),
          c.get("ewmaStd") == null ? null : doubles(c.get("ewmaStd")));
      return HealthDetector.fromProfile(config, pkg.manifest().labels(), profile);
    } catch (RuntimeException e) {
      if (e instanceof VisionException v) {
        throw v;
      }
      throw new VisionException(Reason.PACKAGE_INVALID, "health profile is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * The detector settings a package was trained with, without its profile: for a detector that learns a machine's
   * own normal on site ({@code new HealthDetector(config(pkg), pkg.manifest().labels())}).
   */
  public static HealthConfig config(ModelPackage pkg) {
    if (!KIND.equals(pkg.manifest().kind())) {
      throw new VisionException(Reason.PACKAGE_INVALID, "package kind is " + pkg.manifest().kind() + ", not "
          + KIND);
    }
    try {
      Map<String, Object> c = pkg.manifest().config();
      return new HealthConfig(num(c, "window").intValue(), num(c, "probationWindows").intValue(),
          num(c, "ewmaLambda").doubleValue(), num(c, "raiseScore").doubleValue(), num(c, "clearScore").doubleValue(),
          num(c, "raiseAfter").intValue(), num(c, "clearAfter").intValue());
    } catch (RuntimeException e) {
      if (e instanceof VisionException v) {
        throw v;
      }
      throw new VisionException(Reason.PACKAGE_INVALID, "health settings are not valid: " + e.getMessage(), e);
    }
  }

  private static Number num(Map<String, Object> c, String key) {
    Object v = c.get(key);
    if (!(v instanceof Number n)) {
      throw new VisionException(Reason.PACKAGE_INVALID, "health package config." + key + " missing or not a number");
    }
    return n;
  }

  private static double[] doubles(Object o) {
    List<?> list = (List<?>) o;
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) list.get(i)).doubleValue();
    }
    return out;
  }
}
