package io.cellpilot.events;

/** Running totals of the inspection station since the controller started counting (shift or start-up). */
public record InspectionCounts(long inspected, long good, long rejected, long review) {
  public static final InspectionCounts ZERO = new InspectionCounts(0, 0, 0, 0);
}
