package io.cellpilot.controller.config;

import static io.cellpilot.controller.config.ValueType.BOOLEAN;
import static io.cellpilot.controller.config.ValueType.INTEGER;
import static io.cellpilot.controller.config.ValueType.PATH;

import java.util.List;

/**
 * How the vision library's models run inside the controller ({@code cellpilot.vision.*}): who must have signed a model
 * package, and the inference engine's size. Defaults follow docs/vision.md, except heat maps, which nothing in the
 * controller reads yet.
 */
final class VisionKeys {
  private static final String V = "cellpilot.vision.";

  static final List<ConfigKey> KEYS = List.of(
      ConfigKey.of(V + "trusted-key", PATH, null,
          "Ed25519 public key (PEM) that must have signed every model package; absent: the SHA-256 check only"),
      ConfigKey.of(V + "workers", INTEGER, "1",
          "inference threads per inspection model, each with its own network copy").range(1, 64, ""),
      ConfigKey.of(V + "max-batch", INTEGER, "16", "most queued images one network call takes").range(1, 256, ""),
      ConfigKey.of(V + "queue-capacity", INTEGER, "64",
          "images waiting for inference at most; beyond it an image is refused (the part is held)")
          .range(1, 100_000, "images"),
      ConfigKey.of(V + "heat-maps", BOOLEAN, "false", "compute heat maps with each verdict (anomaly models)"),
      ConfigKey.of(V + "health.learn-on-site", BOOLEAN, "false",
          "health packages give only their settings: each detector first learns this machine's normal for the "
              + "package's probation windows (score unknown meanwhile)"));

  private VisionKeys() {}
}
