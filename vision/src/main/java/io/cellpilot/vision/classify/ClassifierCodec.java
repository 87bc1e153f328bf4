package io.cellpilot.vision.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.pkg.ModelPackage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/** Stores a {@link DefectClassifier} in package entries and back. */
public final class ClassifierCodec {
  public static final String KIND = "classifier";
  static final String NETWORK = "network.bin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ClassifierCodec() {}

  public static Map<String, byte[]> payload(DefectClassifier classifier) {
    return Map.of(NETWORK, ModelPackage.bytes(out -> ModelSerializer.writeModel(classifier.network(), out, false)));
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> configMap(ClassifierConfig config) {
    return JSON.convertValue(config, Map.class);
  }

  public static DefectClassifier fromPackage(ModelPackage pkg) {
    try {
      ClassifierConfig config = JSON.convertValue(pkg.manifest().config(), ClassifierConfig.class);
      MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(
          new ByteArrayInputStream(pkg.entry(NETWORK)), false);
      if (pkg.manifest().labels() == null || pkg.manifest().labels().size() < 2) {
        throw new VisionException(Reason.PACKAGE_INVALID, "classifier package needs at least two labels");
      }
      return new DefectClassifier(config, net, pkg.manifest().labels());
    } catch (IOException | IllegalArgumentException e) {
      throw new VisionException(Reason.PACKAGE_INVALID, "classifier payload is not valid: " + e.getMessage(), e);
    }
  }
}
