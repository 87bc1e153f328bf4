package io.cellpilot.opcua.client;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Holds a connection's {@link ConnectionStatus} and tells listeners about changes. */
final class ConnectionTracker {
  private static final Logger log = LoggerFactory.getLogger(ConnectionTracker.class);

  private final String plc;
  private final List<Consumer<ConnectionStatus>> listeners = new CopyOnWriteArrayList<>();
  private volatile ConnectionStatus status;
  private volatile String lastRejection;

  ConnectionTracker(String plc) {
    this.plc = plc;
    this.status = new ConnectionStatus(plc, ConnectionState.CONNECTING, Instant.now(), "not connected yet");
  }

  ConnectionStatus status() {
    return status;
  }

  AutoCloseable addListener(Consumer<ConnectionStatus> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  void connected() {
    lastRejection = null;
    set(ConnectionState.CONNECTED, "");
  }

  void lost(String why) {
    set(ConnectionState.RECONNECTING, why);
  }

  /** A failed attempt keeps the state (CONNECTING or RECONNECTING) and records why, preferring a rejection. */
  void failed(String why) {
    ConnectionState state = status.state();
    if (state == ConnectionState.CLOSED || state == ConnectionState.CONNECTED) {
      return;
    }
    String rejection = lastRejection;
    set(state, rejection != null ? rejection + " (" + why + ")" : why);
  }

  /** A new connect attempt: a rejection from an earlier attempt no longer explains what happens next. */
  void attemptStarted() {
    lastRejection = null;
  }

  /**
   * The PLC's certificate passed every check. Milo retries a refused secure channel by itself (no new attempt is
   * started here), so this, not the next attempt, is what retires an earlier rejection.
   */
  void accepted() {
    lastRejection = null;
  }

  /** True when the gateway's own certificate check refused the PLC in this attempt. */
  boolean hasRejection() {
    return lastRejection != null;
  }

  void rejected(String sentence) {
    lastRejection = sentence;
    ConnectionState state = status.state();
    if (state != ConnectionState.CONNECTED && state != ConnectionState.CLOSED) {
      set(state, sentence);
    }
  }

  void closed() {
    set(ConnectionState.CLOSED, "closed");
  }

  private synchronized void set(ConnectionState state, String detail) {
    ConnectionStatus previous = status;
    if (previous.state() == state && previous.detail().equals(detail)) {
      return;
    }
    ConnectionStatus next = new ConnectionStatus(plc, state,
        previous.state() == state ? previous.since() : Instant.now(), detail);
    status = next;
    for (Consumer<ConnectionStatus> listener : listeners) {
      try {
        listener.accept(next);
      } catch (RuntimeException e) {
        log.warn("[{}] status listener failed", plc, e);
      }
    }
  }
}
