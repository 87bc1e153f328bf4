package io.cellpilot.controller.vision;

import io.cellpilot.controller.inspection.ImageRejectedException;
import io.cellpilot.controller.inspection.InspectionModel;
import io.cellpilot.controller.inspection.ModelVerdict;
import io.cellpilot.events.PartInspected;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.engine.InspectionEngine;
import io.cellpilot.vision.engine.Verdict;
import java.util.EnumSet;
import java.util.Set;

/**
 * The controller's inspection seam on the vision library's engine: image bytes in (PNG, JPEG, grey or colour, any
 * size the engine takes), a verdict out. Images the engine cannot use become {@link ImageRejectedException}, so the
 * pipeline holds the part instead of guessing; each refusal is counted by reason. Thread-safe, like the engine.
 */
public final class VisionInspectionModel implements InspectionModel, AutoCloseable {
  /** Refusals about this image or this moment: the part is held, the model keeps serving. */
  private static final Set<Reason> IMAGE_REFUSED = EnumSet.of(Reason.CORRUPT_IMAGE, Reason.UNSUPPORTED_IMAGE,
      Reason.WRONG_DIMENSIONS, Reason.NO_PART, Reason.OVERLOADED, Reason.CLOSED);

  private final InspectionEngine engine;
  private final String version;
  private final VisionMetrics.Inspection meters;

  /** @param version how decisions name this model, e.g. {@code sim-parts:1} */
  public VisionInspectionModel(InspectionEngine engine, String version, VisionMetrics.Inspection meters) {
    this.engine = engine;
    this.version = version;
    this.meters = meters;
  }

  @Override
  public ModelVerdict inspect(byte[] image) throws ImageRejectedException {
    Verdict v;
    try {
      v = engine.inspect(image);
    } catch (VisionException e) {
      meters.rejected(e.reason());
      if (IMAGE_REFUSED.contains(e.reason())) {
        throw new ImageRejectedException(e.getMessage(), e);
      }
      throw e; // inference itself failed: the pipeline records "model failed" and holds the part
    }
    meters.verdict(v);
    return new ModelVerdict(v.defective() ? PartInspected.Verdict.DEFECT : PartInspected.Verdict.GOOD, v.score(),
        v.defective() ? v.label() : null);
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public double threshold() {
    return engine.manifest().threshold();
  }

  /** The engine's own counters (images refused before inference, overloads, batches). */
  public io.cellpilot.vision.engine.EngineMetrics engineMetrics() {
    return engine.metrics();
  }

  /** Finishes the images already queued, then stops the engine's workers. */
  @Override
  public void close() {
    engine.close();
  }
}
