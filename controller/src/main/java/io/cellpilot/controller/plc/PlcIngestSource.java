package io.cellpilot.controller.plc;

import io.cellpilot.controller.ingest.ConnectionStatus;
import io.cellpilot.controller.ingest.IngestSource;
import io.cellpilot.controller.ingest.IngestStats;
import io.cellpilot.controller.state.Quality;
import io.cellpilot.controller.state.TagSink;
import io.cellpilot.controller.state.TagValue;
import io.cellpilot.opcua.client.ClientStats;
import io.cellpilot.opcua.client.PlcClient;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PLC's tags in the cell state, named {@code <plc>.<tag>}, through the OPC UA gateway. The gateway's quality
 * becomes the cell state's; when the connection goes, the gateway marks every tag BAD at once and so does the cell
 * state (never the last good value).
 *
 * <p>An OPC UA subscription reports changes only, so an unchanged value would turn stale although it is current. While
 * the gateway is connected this source vouches for its good values ({@link TagSink#confirm}), but only back to
 * {@code now - lossBound}: a silently dead connection (a pulled cable) is declared lost within that bound, so later
 * than that nothing is proven. A tag's max age must therefore exceed the bound (the PLC's keep-alive settings).
 */
public final class PlcIngestSource implements IngestSource {
  private static final Logger log = LoggerFactory.getLogger(PlcIngestSource.class);

  private final PlcClient client;
  private final Duration lossBound;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final LongAdder values = new LongAdder();
  private final LongAdder bad = new LongAdder();
  private final List<AutoCloseable> handles = new ArrayList<>();
  private volatile TagSink sink;
  private ScheduledFuture<?> confirmations;

  /**
   * @param lossBound the gateway's loss detection bound ({@code PlcConfig.lossDetectionBound()})
   * @param scheduler runs the periodic confirmations
   */
  public PlcIngestSource(PlcClient client, Duration lossBound, ScheduledExecutorService scheduler, Clock clock) {
    this.client = client;
    this.lossBound = lossBound;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  @Override
  public String id() {
    return client.id();
  }

  /** The gateway client, for method calls and reads (line control, pick handshake, zone sensor). */
  public PlcClient client() {
    return client;
  }

  @Override
  public synchronized void start(TagSink sink) {
    this.sink = sink;
    handles.add(client.subscribeAll(this::deliver));
    handles.add(client.onStatus(s -> log.info("[{}] {}{}", id(), s.state(),
        s.detail().isEmpty() ? "" : ": " + s.detail())));
    client.start();
    confirmations = scheduler.scheduleWithFixedDelay(this::confirm, 250, 250, TimeUnit.MILLISECONDS);
  }

  private void deliver(io.cellpilot.opcua.client.TagValue v) {
    TagSink s = sink;
    if (s == null) {
      return;
    }
    Instant now = clock.instant();
    String tag = id() + "." + v.ref().tag();
    if (!v.isGood() && v.quality().level() == io.cellpilot.opcua.client.Quality.Level.BAD) {
      bad.increment();
      s.accept(TagValue.bad(tag, now));
      return;
    }
    Object value = plain(v.value());
    if (value == null) {
      bad.increment();
      s.accept(TagValue.bad(tag, now));
      return;
    }
    values.increment();
    Quality quality = v.isGood() ? Quality.GOOD : Quality.UNCERTAIN;
    // Age counts from arrival: an OPC UA source timestamp marks the value's last change, not its last sample, so an
    // unchanged value delivered now by a live subscription is current now (the first notification of a tag that has
    // not changed for an hour carries a source time an hour old).
    s.accept(new TagValue(tag, value, quality, now, now));
  }

  /** The cell state's value types: Double, Long, Boolean, String. */
  static Object plain(Object v) {
    if (v == null || v instanceof Boolean || v instanceof String || v instanceof Double || v instanceof Long) {
      return v;
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : b.doubleValue();
    }
    return v.toString();
  }

  private void confirm() {
    TagSink s = sink;
    if (s == null || !client.status().isConnected()) {
      return;
    }
    Instant provenAt = clock.instant().minus(lossBound);
    for (Map.Entry<String, io.cellpilot.opcua.client.TagValue> e : client.snapshot().entrySet()) {
      if (e.getValue().isGood()) {
        s.confirm(id() + "." + e.getKey(), provenAt);
      }
    }
  }

  @Override
  public ConnectionStatus connection() {
    io.cellpilot.opcua.client.ConnectionStatus s = client.status();
    return new ConnectionStatus(s.isConnected(), s.isConnected() ? "connected since " + s.since()
        : s.state() + (s.detail().isEmpty() ? "" : ": " + s.detail()));
  }

  @Override
  public IngestStats stats() {
    ClientStats c = client.stats();
    // Bad values (a lost connection, an unknown node) are not malformed messages: they are counted apart.
    return new IngestStats(c.delivered(), values.sum(), 0, Map.of());
  }

  /** Bad values delivered (connection lost, node unknown, server-side bad status). */
  public long badValues() {
    return bad.sum();
  }

  @Override
  public synchronized void close() {
    if (confirmations != null) {
      confirmations.cancel(false);
    }
    for (AutoCloseable h : handles) {
      try {
        h.close();
      } catch (Exception e) {
        log.debug("[{}] unsubscribe: {}", id(), e.getMessage());
      }
    }
    handles.clear();
    client.close();
  }
}
