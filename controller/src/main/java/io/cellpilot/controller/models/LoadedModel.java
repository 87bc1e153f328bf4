package io.cellpilot.controller.models;

import java.nio.file.Path;

/**
 * A verified model ready to serve.
 *
 * @param model an {@code InspectionModel} or a {@code HealthModel}
 * @param sha256 the package's checksum as verified
 */
public record LoadedModel(String version, String sha256, Path source, Object model) {

  /** The model as the type its slot serves, or an exception naming both types. */
  public <T> T as(Class<T> type) {
    if (!type.isInstance(model)) {
      throw new IllegalStateException("model " + version + " is a " + model.getClass().getSimpleName()
          + ", not a " + type.getSimpleName());
    }
    return type.cast(model);
  }
}
