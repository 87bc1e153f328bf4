package io.cellpilot.opcua.client;

import io.cellpilot.opcua.config.TagConfig;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tag's live state: its resolved node, its current value and its listeners. Updates are serialized per tag so
 * that a value arriving while the connection is declared lost can never overwrite the bad value that says so.
 */
final class TagState {
  private static final Logger log = LoggerFactory.getLogger(TagState.class);

  final TagRef ref;
  final TagConfig config;
  private final String unit;
  private final BooleanSupplier online;
  private final List<TagListener> globalListeners;
  private final List<TagListener> listeners = new CopyOnWriteArrayList<>();
  private final ClientCounters counters;
  private volatile NodeId nodeId;
  private volatile NodeId dataType;
  private TagValue current;

  TagState(TagRef ref, TagConfig config, BooleanSupplier online, List<TagListener> globalListeners,
      ClientCounters counters) {
    this.ref = ref;
    this.config = config;
    this.unit = config.unit().orElse(null);
    this.online = online;
    this.globalListeners = globalListeners;
    this.counters = counters;
    this.current = TagValue.bad(ref, Quality.commFailure("not connected yet"), unit);
  }

  NodeId nodeId() {
    return nodeId;
  }

  void resolved(NodeId nodeId) {
    if (this.nodeId == null || !this.nodeId.equals(nodeId)) {
      this.dataType = null;
    }
    this.nodeId = nodeId;
  }

  NodeId dataType() {
    return dataType;
  }

  void dataType(NodeId dataType) {
    this.dataType = dataType;
  }

  synchronized TagValue current() {
    return current;
  }

  AutoCloseable addListener(TagListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A value from the server; dropped when the connection has been declared lost meanwhile. */
  void accept(DataValue dataValue) {
    TagValue value = toTagValue(dataValue);
    synchronized (this) {
      if (!online.getAsBoolean()) {
        counters.droppedOffline.increment();
        return;
      }
      publish(value);
    }
  }

  /**
   * A value read after a reconnect, applied only while the tag still shows the bad value of the outage: a
   * notification that overtook the read is newer and must not be overwritten by it.
   */
  synchronized void acceptIfStillBad(TagValue value) {
    if (online.getAsBoolean() && !current.isGood()) {
      publish(value);
    }
  }

  /** A bad value decided by the gateway (lost connection, unknown node); always published. */
  synchronized void fail(Quality quality) {
    publish(TagValue.bad(ref, quality, unit));
  }

  TagValue toTagValue(DataValue dv) {
    Quality quality = Quality.fromStatus(dv.statusCode() == null ? 0 : dv.statusCode().value());
    Instant source = instant(dv.sourceTime());
    Instant server = instant(dv.serverTime());
    if (quality.level() == Quality.Level.BAD) {
      return new TagValue(ref, null, quality, source, server, unit);
    }
    Object value = Values.toJava(dv.value());
    if (config.scaling().isPresent() && value != null) {
      if (!(value instanceof Number n)) {
        return new TagValue(ref, null, Quality.bad(Quality.Reason.TYPE, StatusCodes.Bad_TypeMismatch,
            "scaling configured but the node delivers " + value.getClass().getSimpleName()), source, server, unit);
      }
      value = config.scaling().get().toEngineering(n.doubleValue());
    }
    return new TagValue(ref, value, quality, source, server, unit);
  }

  private void publish(TagValue value) {
    current = value;
    counters.delivered.increment();
    for (TagListener listener : listeners) {
      deliver(listener, value);
    }
    for (TagListener listener : globalListeners) {
      deliver(listener, value);
    }
  }

  private void deliver(TagListener listener, TagValue value) {
    try {
      listener.onValue(value);
    } catch (RuntimeException e) {
      counters.listenerFailures.increment();
      log.warn("[{}] listener {} failed on {}", ref.plc(), listener, ref, e);
    }
  }

  private static Instant instant(DateTime t) {
    return t == null || t.isNull() ? null : t.getJavaInstant();
  }
}
