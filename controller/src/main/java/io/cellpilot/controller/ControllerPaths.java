package io.cellpilot.controller;

import io.cellpilot.controller.config.ConfigTree;
import java.nio.file.Path;

/** Where the controller keeps its files, all under {@code cellpilot.data-dir} unless configured otherwise. */
public record ControllerPaths(Path dataDir, Path usersFile, Path auditFile, Path decisionsFile, Path modelDir) {

  public static ControllerPaths of(ConfigTree config) {
    Path data = config.path("cellpilot.data-dir");
    return new ControllerPaths(data,
        config.optionalString("cellpilot.security.users-file").map(Path::of).orElse(data.resolve("users")),
        config.optionalString("cellpilot.security.audit-file").map(Path::of).orElse(data.resolve("audit.log")),
        data.resolve("decisions.jsonl"),
        data.resolve("models"));
  }
}
