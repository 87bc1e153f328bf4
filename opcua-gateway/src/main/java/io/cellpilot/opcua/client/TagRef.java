package io.cellpilot.opcua.client;

/** A configured tag of a configured PLC, e.g. {@code line1/conveyor-speed}. */
public record TagRef(String plc, String tag) {
  @Override
  public String toString() {
    return plc + "/" + tag;
  }
}
