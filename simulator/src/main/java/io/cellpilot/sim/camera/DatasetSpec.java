package io.cellpilot.sim.camera;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DatasetGenerator} writes: into {@code out}, {@code trainGood} good training images, {@code testGood}
 * good test images and {@code testDefectsPerKind} test images of each of {@code kinds}, all {@code size} x
 * {@code size} pixels, drawn from {@code seed}.
 */
public record DatasetSpec(
    Path out, long seed, int trainGood, int testGood, int testDefectsPerKind, int size, List<DefectKind> kinds) {

  public DatasetSpec {
    Objects.requireNonNull(out, "out");
    check("--train-good", trainGood, 0, 1_000_000);
    check("--test-good", testGood, 0, 1_000_000);
    check("--test-defects", testDefectsPerKind, 0, 1_000_000);
    check("--size", size, 32, 2048);
    kinds = List.copyOf(kinds);
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("at least one defect kind is needed");
    }
  }

  /** All five defect kinds. */
  public static DatasetSpec of(Path out, long seed, int trainGood, int testGood, int testDefectsPerKind, int size) {
    return new DatasetSpec(out, seed, trainGood, testGood, testDefectsPerKind, size, List.of(DefectKind.values()));
  }

  private static void check(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
