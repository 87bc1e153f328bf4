package io.cellpilot.opcua.client;

/**
 * Receives a tag's values, including the bad ones (a lost connection, an unknown node). Called on the gateway's
 * delivery thread while the tag is locked, so it must return quickly: queue, never block.
 */
@FunctionalInterface
public interface TagListener {
  void onValue(TagValue value);
}
