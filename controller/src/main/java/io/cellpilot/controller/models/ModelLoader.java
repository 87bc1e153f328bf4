package io.cellpilot.controller.models;

import java.nio.file.Path;

/**
 * The seam the vision library's package reader plugs into: read a model package, verify its checksum (and signature),
 * and return a ready model. A package that fails verification must be refused with {@link ModelPackageRefused}.
 */
public interface ModelLoader {

  /**
   * @param kind {@code inspection} (the model must be an {@code InspectionModel}) or {@code health} (a
   *     {@code HealthModel})
   */
  LoadedModel load(String kind, Path packageFile) throws ModelPackageRefused;

  /** Used until the vision library is wired: every load is refused, saying so. */
  ModelLoader UNWIRED = (kind, file) -> {
    throw new ModelPackageRefused("no model loader is wired in this build, cannot load " + file.getFileName());
  };
}
