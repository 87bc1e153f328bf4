package io.cellpilot.opcua.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A connection to one PLC and its configured tags. It connects and reconnects by itself; while it is not connected
 * every tag reads bad (never its last good value) and listeners are told. Batch operations answer per item and do
 * not throw for a bad item. Async methods are the main API; the plain-named ones wait for them.
 */
public interface PlcClient extends AutoCloseable {

  /** The PLC's configured id. */
  String id();

  /** Starts connecting in the background and returns at once; configuration and key store errors throw here. */
  void start();

  /** The connection state now, with the reason when not connected. */
  ConnectionStatus status();

  /** Calls {@code listener} on every state change; the handle removes it. */
  AutoCloseable onStatus(Consumer<ConnectionStatus> listener);

  /** The latest value of a tag as delivered to listeners (bad while disconnected). */
  TagValue current(String tag);

  /** The latest values of all tags, in configuration order. */
  Map<String, TagValue> snapshot();

  /** Listens to one tag; the current value is delivered at once. The handle unsubscribes. */
  AutoCloseable subscribe(String tag, TagListener listener);

  /** Listens to every tag. The handle unsubscribes. */
  AutoCloseable subscribeAll(TagListener listener);

  /** Reads tags from the server now (not from the subscription), one value per tag in request order. */
  CompletableFuture<List<TagValue>> readAsync(List<String> tags);

  /** Blocking twin of {@link #readAsync}. */
  List<TagValue> read(List<String> tags);

  /** Writes tags; one result per write in request order (e.g. {@code Bad_TypeMismatch}, {@code Bad_NotWritable}). */
  CompletableFuture<List<WriteResult>> writeAsync(List<TagWrite> writes);

  /** Blocking twin of {@link #writeAsync}. */
  List<WriteResult> write(List<TagWrite> writes);

  /** Calls methods; one result per call in request order. */
  CompletableFuture<List<CallResult>> callAsync(List<MethodCall> calls);

  /** Blocking twin of {@link #callAsync}. */
  List<CallResult> call(List<MethodCall> calls);

  /** Counters since start. */
  ClientStats stats();

  /** Disconnects and stops reconnecting; tags read bad afterwards. */
  @Override
  void close();
}
