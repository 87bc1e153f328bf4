package io.cellpilot.sim.camera;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of surface defect the camera can see; {@link #label()} is the name used in data sets and configuration. */
public enum DefectKind {
  /** A thin straight or slightly curved line, brighter or darker than the surface. */
  SCRATCH("scratch"),
  /** A dark, jagged, branching line starting at an edge or a hole. */
  CRACK("crack"),
  /** Blowholes: small dark pits with a bright rim on the lit side. */
  PIT("pit"),
  /** A soft-edged blob of residue or oil, slightly darker or brighter. */
  STAIN("stain"),
  /** A bolt hole or the orientation notch that was never machined. */
  MISSING_FEATURE("missing-feature");

  private final String label;

  DefectKind(String label) {
    this.label = label;
  }

  /** The folder and configuration name, e.g. {@code missing-feature}. */
  public String label() {
    return label;
  }

  public static Optional<DefectKind> fromLabel(String label) {
    return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
  }

  /** All labels, comma separated, for error messages. */
  public static String labels() {
    return Arrays.stream(values()).map(DefectKind::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return label;
  }
}
