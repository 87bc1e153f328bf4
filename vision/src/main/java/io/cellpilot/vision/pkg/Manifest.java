package io.cellpilot.vision.pkg;

import java.util.List;
import java.util.Map;

/**
 * What a model package says about its model: everything needed to run it and to judge whether to trust it.
 *
 * @param kind {@code anomaly}, {@code classifier} or {@code energy}
 * @param version free text set by the engineer, e.g. {@code tiles-2026-11-22.1}; shown in every verdict
 * @param preprocessing how images are prepared (absent for energy models)
 * @param labels class names, {@code good} first (classifier), or {@code [good, defect]} (anomaly)
 * @param threshold a score at or above it means defective (for energy models: unused, NaN)
 * @param trainingFingerprint SHA-256 over the training files' names and contents
 * @param trainedOn the training files relative to the data set root, so evaluation can leave them out
 * @param config the hyper-parameters, as the training tool received them
 * @param metrics figures from training and the last evaluation, e.g. {@code imageAuroc}
 */
public record Manifest(
    int formatVersion,
    String kind,
    String name,
    String version,
    String createdAt,
    PreprocessingSpec preprocessing,
    List<String> labels,
    double threshold,
    String trainingFingerprint,
    List<String> trainedOn,
    Map<String, Object> config,
    Map<String, Double> metrics) {

  public static final int FORMAT_VERSION = 1;

  /**
   * Image preparation as stored: see {@link io.cellpilot.vision.image.Preprocessing}. With {@code registerPart}
   * every image is first put in the part's standard pose ({@link io.cellpilot.vision.image.PartRegistration}); a
   * package written before the flag existed reads as {@code false}.
   */
  public record PreprocessingSpec(int width, int height, double scale, boolean perImage, float mean, float std,
      boolean registerPart) {

    public PreprocessingSpec(int width, int height, double scale, boolean perImage, float mean, float std) {
      this(width, height, scale, perImage, mean, std, false);
    }
  }

  /** Whether images must be registered (part located and turned) before the model sees them. */
  public boolean registersPart() {
    return preprocessing != null && preprocessing.registerPart();
  }

  public Manifest withThreshold(double newThreshold) {
    return new Manifest(formatVersion, kind, name, version, createdAt, preprocessing, labels, newThreshold,
        trainingFingerprint, trainedOn, config, metrics);
  }

  public Manifest withMetrics(Map<String, Double> newMetrics) {
    return new Manifest(formatVersion, kind, name, version, createdAt, preprocessing, labels, threshold,
        trainingFingerprint, trainedOn, config, newMetrics);
  }

  public Manifest withVersion(String newVersion) {
    return new Manifest(formatVersion, kind, name, newVersion, createdAt, preprocessing, labels, threshold,
        trainingFingerprint, trainedOn, config, metrics);
  }
}
