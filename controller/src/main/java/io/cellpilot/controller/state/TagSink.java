package io.cellpilot.controller.state;

/** Where sources deliver tag updates; the cell state is the one sink of a running controller. */
@FunctionalInterface
public interface TagSink {
  void accept(TagValue value);
}
