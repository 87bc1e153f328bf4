package io.cellpilot.events;

import java.time.Instant;

/**
 * An operator answered a review; the label is kept for retraining.
 *
 * @param label {@code good} or a defect name
 * @param source where the answer came from: {@code http}, {@code mqtt}, {@code sparkplug}
 */
public record ReviewResolved(
    String eventId,
    Instant time,
    String partId,
    String label,
    String user,
    String source,
    int queueSize)
    implements CellEvent {
  @Override
  public String type() {
    return "review-resolved";
  }
}
