package io.cellpilot.sim.line;

import io.cellpilot.sim.camera.DefectKind;
import java.util.Optional;

/** What a part is, decided by the seed when it is made: its number on the line, its id, and its defect if any. */
public record PartSpec(long index, String id, Optional<DefectKind> defect) {

  public boolean defective() {
    return defect.isPresent();
  }
}
