package io.cellpilot.sim.line;

import io.cellpilot.sim.camera.DefectKind;
import io.cellpilot.sim.model.Seeds;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Makes part {@code n} of a run: whether it is defective, which defect, and its id. A pure function of the seed and
 * {@code n}. Ids look like {@code L1-3F9A-000042}: a run code derived from the seed (so runs with different seeds do
 * not reuse ids) and the part's number.
 */
public final class PartFactory {

  private final long seed;
  private final double defectRate;
  private final List<DefectKind> kinds;
  private final String runCode;

  public PartFactory(long seed, double defectRate, List<DefectKind> kinds) {
    this.seed = seed;
    this.defectRate = defectRate;
    this.kinds = List.copyOf(kinds);
    this.runCode = String.format("%04X", Seeds.derive(seed, "run", 0) & 0xFFFF);
  }

  /** Part number {@code index} (0 for the first part of the run). */
  public PartSpec part(long index) {
    SplittableRandom r = Seeds.random(seed, "part", index);
    Optional<DefectKind> defect = r.nextDouble() < defectRate
        ? Optional.of(kinds.get(r.nextInt(kinds.size())))
        : Optional.empty();
    return new PartSpec(index, "L1-" + runCode + "-" + String.format("%06d", index + 1), defect);
  }

  /** The seed the camera draws part {@code index}'s image from. */
  public long imageSeed(long index) {
    return Seeds.derive(seed, "part-image", index);
  }
}
