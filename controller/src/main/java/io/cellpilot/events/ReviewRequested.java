package io.cellpilot.events;

import java.time.Instant;

/** A part's score fell in the uncertain band; an operator must decide. */
public record ReviewRequested(
    String eventId,
    Instant time,
    String partId,
    double score,
    double threshold,
    String modelVersion,
    int queueSize)
    implements CellEvent {
  @Override
  public String type() {
    return "review-requested";
  }
}
