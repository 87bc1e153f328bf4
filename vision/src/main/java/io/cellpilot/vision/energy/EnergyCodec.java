package io.cellpilot.vision.energy;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.pkg.ModelPackage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/** Stores an {@link EnergyEstimator} in package entries (network) and manifest config (signals, scaling) and back. */
public final class EnergyCodec {
  public static final String KIND = "energy";
  static final String NETWORK = "network.bin";

  private EnergyCodec() {}

  public static Map<String, byte[]> payload(EnergyEstimator e) {
    return Map.of(NETWORK, ModelPackage.bytes(out -> ModelSerializer.writeModel(e.network(), out, false)));
  }

  public static Map<String, Object> configMap(EnergyEstimator e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("inputs", e.inputs());
    m.put("target", e.target());
    m.put("inputMean", e.inMean());
    m.put("inputStd", e.inStd());
    m.put("targetMean", e.outMean());
    m.put("targetStd", e.outStd());
    return m;
  }

  @SuppressWarnings("unchecked")
  public static EnergyEstimator fromPackage(ModelPackage pkg) {
    if (!KIND.equals(pkg.manifest().kind())) {
      throw new VisionException(Reason.PACKAGE_INVALID, "package kind is " + pkg.manifest().kind()
          + ", not " + KIND);
    }
    try {
      Map<String, Object> c = pkg.manifest().config();
      List<String> inputs = (List<String>) c.get("inputs");
      MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(
          new ByteArrayInputStream(pkg.entry(NETWORK)), false);
      return new EnergyEstimator(inputs, (String) c.get("target"), doubles(c.get("inputMean")),
          doubles(c.get("inputStd")), ((Number) c.get("targetMean")).doubleValue(),
          ((Number) c.get("targetStd")).doubleValue(), net);
    } catch (IOException | RuntimeException e) {
      throw new VisionException(Reason.PACKAGE_INVALID, "energy payload is not valid: " + e.getMessage(), e);
    }
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
