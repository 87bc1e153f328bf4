package io.cellpilot.controller.state;

/** Where sources deliver tag updates; the cell state is the one sink of a running controller. */
@FunctionalInterface
public interface TagSink {
  void accept(TagValue value);

  /**
   * The source vouches that the tag's value is still current at {@code at} although it did not change (an OPC UA
   * subscription only reports changes, but its keep-alives prove the connection). Age is then measured from here.
   */
  default void confirm(String tag, java.time.Instant at) {}
}
