package io.cellpilot.sim.line;

import io.cellpilot.sim.camera.DefectKind;
import java.time.Instant;
import java.util.Optional;

/**
 * The ground truth about one part: what it really was (its defect) and what happened to it, with simulated times.
 * {@code inspectedAt} is null until the camera saw it, {@code fateAt} until it left the belt.
 */
public record PartTruth(
    PartSpec part, Instant enteredAt, Instant inspectedAt, PartFate fate, Instant fateAt) {

  public String id() {
    return part.id();
  }

  public Optional<DefectKind> defect() {
    return part.defect();
  }
}
