package io.cellpilot.controller.inspection;

/**
 * The seam the vision engine plugs into: an image in, a verdict out. Implementations must be thread-safe and must
 * refuse an image they cannot read with {@link ImageRejectedException}, never with a crash.
 */
public interface InspectionModel {

  /** Judges the image bytes exactly as the camera sent them (PNG, JPEG, ...). */
  ModelVerdict inspect(byte[] image) throws ImageRejectedException;

  /** The package version, recorded with every decision. */
  String version();

  /** The score at and above which the model calls a part defective, from its package. */
  double threshold();
}
