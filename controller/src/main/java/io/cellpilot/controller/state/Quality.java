package io.cellpilot.controller.state;

/** How far a tag's value can be trusted, as the source reported it (OPC UA status class, or a parse result). */
public enum Quality {
  GOOD,
  /** The source says the value may be off (OPC UA Uncertain_*). */
  UNCERTAIN,
  /** The source has no valid value (disconnected, bad node, OPC UA Bad_*). */
  BAD
}
