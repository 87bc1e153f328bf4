package io.cellpilot.events;

import java.time.Instant;

/** A model was loaded, rolled back, or a shadow candidate started or stopped. */
public record ModelChanged(
    String eventId,
    Instant time,
    String model,
    String version,
    String previousVersion,
    Change change,
    String user)
    implements CellEvent {

  @Override
  public String type() {
    return "model-changed";
  }

  public enum Change { LOADED, ROLLED_BACK, SHADOW_STARTED, SHADOW_STOPPED }
}
