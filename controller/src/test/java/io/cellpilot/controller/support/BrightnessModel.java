package io.cellpilot.controller.support;

import io.cellpilot.controller.inspection.ImageRejectedException;
import io.cellpilot.controller.inspection.InspectionModel;
import io.cellpilot.controller.inspection.ModelVerdict;
import io.cellpilot.events.PartInspected.Verdict;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * A deterministic in-test inspection model: the score is the image's mean brightness (0..1), so a test chooses a
 * part's fate by the grey level of its image. Enough to test the pipeline; the real models live in vision.
 */
public final class BrightnessModel implements InspectionModel {
  private final String version;
  private final double threshold;

  public BrightnessModel(String version, double threshold) {
    this.version = version;
    this.threshold = threshold;
  }

  @Override
  public ModelVerdict inspect(byte[] bytes) throws ImageRejectedException {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new ImageRejectedException("unreadable image: " + e.getMessage(), e);
    }
    if (image == null) {
      throw new ImageRejectedException("not an image format this model reads");
    }
    double sum = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        sum += image.getRaster().getSample(x, y, 0);
      }
    }
    double score = sum / (image.getWidth() * image.getHeight() * 255.0);
    return new ModelVerdict(score >= threshold ? Verdict.DEFECT : Verdict.GOOD, score,
        score >= threshold ? "bright-spot" : null);
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public double threshold() {
    return threshold;
  }
}
