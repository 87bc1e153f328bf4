package io.cellpilot.controller.ingest;

import io.cellpilot.controller.state.TagSink;

/**
 * A source of tag values for the cell state: an MQTT sensor source here, the OPC UA gateway's PLC connections once
 * they are wired. Implementations deliver every update to the sink, mark their tags BAD when they lose their peer,
 * and never throw into the sink's caller for one bad message.
 */
public interface IngestSource extends AutoCloseable {

  /** The configured id, e.g. {@code sensors} or {@code plc1}. */
  String id();

  /** Connects (retrying in the background) and starts delivering to {@code sink}; returns at once. */
  void start(TagSink sink);

  ConnectionStatus connection();

  /** Counts of what was received and refused, for metrics and the status API. */
  IngestStats stats();

  @Override
  void close();
}
