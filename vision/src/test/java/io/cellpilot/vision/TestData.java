package io.cellpilot.vision;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real photographs: {@code $CELLPILOT_DATASETS/<name>}, else {@code <repo>/../shared/datasets/<name>}.
 * Skips a test when they are absent, but fails it when CI said where they are ({@code CELLPILOT_DATASETS} set).
 */
public final class TestData {
  private TestData() {}

  public static Path dataset(String name) {
    String env = System.getenv("CELLPILOT_DATASETS");
    if (env != null && !env.isBlank()) {
      Path p = Path.of(env).resolve(name);
      if (!Files.isDirectory(p)) {
        fail("CELLPILOT_DATASETS=" + env + " is set but " + p + " is missing");
      }
      return p;
    }
    // Surefire runs in the module folder: the repository root is its parent.
    Path p = Path.of("").toAbsolutePath().getParent().resolve("../shared/datasets").resolve(name).normalize();
    assumeTrue(Files.isDirectory(p), "data set " + name + " not found at " + p
        + " (set CELLPILOT_DATASETS to the folder holding it); skipping");
    return p;
  }

  public static Path magneticTile() {
    return dataset("magnetic-tile");
  }
}
