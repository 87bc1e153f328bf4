package io.cellpilot.status.sparkplug;

import io.cellpilot.events.CellEvent;
import io.cellpilot.status.CellStatus;
import io.cellpilot.status.CommandGateway;
import io.cellpilot.status.EventLog;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.mqtt.MqttLink;
import io.cellpilot.status.outbox.Outbox;
import io.cellpilot.status.outbox.OutboxCursor;
import io.cellpilot.status.outbox.OutboxRecord;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell as a Sparkplug B 3.0 edge node: group = site, edge node = cell, devices {@code line}, {@code robot},
 * {@code inspection}, {@code energy}. One thread owns the session: it connects with the NDEATH will, waits for the
 * primary host when one is configured, publishes the births, then turns each outbox record into NDATA/DDATA by
 * exception. Records that waited in the outbox while the node was offline go out after the births flagged
 * {@code is_historical} with their original timestamps; the births already carry the newest values.
 */
public final class SparkplugEdgeNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SparkplugEdgeNode.class);
  static final String CURSOR = "sparkplug";

  private final StatusConfig config;
  private final MqttConfig mqtt;
  private final Outbox outbox;
  private final OutboxCursor cursor;
  private final Clock clock;
  private final SparkplugTopics topics;
  private final BdSeqStore bdSeqStore;
  private final HostState host;
  private final SparkplugCommands commands;
  private final SparkplugPayloads payloads = new SparkplugPayloads();
  private final LinkedBlockingQueue<Runnable> signals = new LinkedBlockingQueue<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong births = new AtomicLong();
  private final AtomicLong data = new AtomicLong();
  private final AtomicLong historical = new AtomicLong();
  private final AtomicLong badMessages = new AtomicLong();
  private volatile MqttLink link;
  private volatile long bdSeq = -1;
  private volatile boolean born;
  private Thread thread;

  // Owned by the session thread.
  private CellStatus delivered = new CellStatus();
  private CellStatus current;
  private long next;
  private long liveFrom;
  private long seq;
  private boolean birthNeeded;

  /** Counters since start; {@code bdSeq} of the current session, -1 before the first. */
  public record Stats(long connects, long births, long bdSeq, long dataMessages, long historicalMessages,
      long badMessages, long commands, boolean born) {}

  /** @param gateway null: NCMD/DCMD other than rebirth are refused */
  public SparkplugEdgeNode(StatusConfig config, MqttConfig mqtt, Outbox outbox, CommandGateway gateway, Clock clock) {
    this.config = config;
    this.mqtt = mqtt;
    this.outbox = outbox;
    this.cursor = outbox.cursor(CURSOR);
    this.clock = clock;
    this.topics = new SparkplugTopics(config.site(), config.cell());
    this.bdSeqStore = new BdSeqStore(config.outbox().directory().resolveSibling("sparkplug-bdseq"));
    this.host = config.waitsForPrimaryHost() ? new HostState(config.primaryHostId()) : null;
    this.commands = new SparkplugCommands(gateway, payloads, () -> signals.add(() -> birthNeeded = true));
  }

  public synchronized SparkplugEdgeNode start() {
    if (thread == null) {
      thread = new Thread(this::run, "status-sparkplug-" + config.cell());
      thread.setDaemon(true);
      thread.start();
    }
    return this;
  }

  public Stats stats() {
    return new Stats(connects.get(), births.get(), bdSeq, data.get(), historical.get(), badMessages.get(),
        commands.handled(), born);
  }

  private void run() {
    next = cursor.position();
    badMessages.addAndGet(EventLog.fold(outbox, delivered, outbox.firstOffset(), next));
    long delayMs = 250;
    while (closed.getCount() > 0) {
      try {
        bdSeq = bdSeqStore.next();
        // tck-id-message-flow-edge-node-birth-publish-will-message-qos: the NDEATH will is QoS 1, not retained.
        link = MqttLink.connect(mqtt, mqtt.clientIdPrefix() + "-sparkplug",
            new MqttLink.Will(topics.node("NDEATH"), payloads.death(bdSeq, new Date(clock.millis())), 1, false));
        connects.incrementAndGet();
        delayMs = 250;
        session(link);
      } catch (MqttException e) {
        log.warn("[{}] Sparkplug: cannot reach {}: {}", config.cell(), mqtt.serverUri(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException | Error e) {
        log.error("[{}] Sparkplug edge node failed; reconnecting", config.cell(), e);
      } finally {
        born = false;
        MqttLink l = link;
        if (l != null) {
          l.abort();
        }
      }
      if (await(delayMs)) {
        break;
      }
      delayMs = Math.min(delayMs * 2, config.reconnectDelayMax().toMillis());
    }
  }

  private void session(MqttLink l) throws MqttException, InterruptedException {
    long timeout = mqtt.connectTimeout().toMillis();
    // tck-id-message-flow-edge-node-ncmd-subscribe: NCMD and DCMD at QoS 1 before the births.
    l.subscribe(new String[] {topics.node("NCMD"), topics.node("DCMD") + "/+"}, 1,
        (topic, msg) -> signals.add(() -> commands.accept(topic, msg.getPayload())), timeout);
    if (host != null) {
      l.subscribe(host.topics(), 1, (topic, msg) -> signals.add(() -> hostMessage(topic, msg.getPayload())), timeout);
    }
    next = cursor.position();
    birthNeeded = true;
    while (l.isConnected() && closed.getCount() > 0) {
      runSignals();
      if (host != null && !host.online()) {
        if (born) {
          // tck-id-operational-behavior-edge-node-termination-host-offline: leave the server (NDEATH first, as for
          // any intentional disconnect), then connect again and wait for the host.
          log.info("[{}] Sparkplug: primary host {} went offline; disconnecting", config.cell(), config.primaryHostId());
          endSession(l);
          return;
        }
        // tck-id-message-flow-edge-node-birth-publish-phid-wait: no births until the primary host is online.
        Runnable signal = signals.poll(200, TimeUnit.MILLISECONDS);
        if (signal != null) {
          signal.run();
        }
        continue;
      }
      if (birthNeeded) {
        birth(l);
        continue;
      }
      List<OutboxRecord> batch = outbox.read(next, 64);
      if (batch.isEmpty()) {
        outbox.awaitRecord(next, 25);
        continue;
      }
      for (OutboxRecord r : batch) {
        deliver(l, r);
        next = r.offset() + 1;
        cursor.ack(next);
        if (!signals.isEmpty()) {
          break; // tck-id-operational-behavior-data-commands-rebirth-action-1: stop DATA at once for a rebirth
        }
      }
    }
    if (closed.getCount() == 0 && l.isConnected()) {
      endSession(l);
    }
  }

  /** NBIRTH (seq 0) then a DBIRTH per device, from the newest status including records not yet delivered. */
  private void birth(MqttLink l) throws MqttException {
    long head = outbox.nextOffset();
    if (next < head) {
      current = delivered.copy();
      EventLog.fold(outbox, current, next, head);
      liveFrom = head;
    } else {
      current = delivered;
      liveFrom = next;
    }
    Date now = new Date(clock.millis());
    Map<String, Map<String, SparkplugMetrics.Value>> all = SparkplugMetrics.of(current);
    seq = 0; // tck-id-topics-nbirth-seq-num
    long timeout = mqtt.connectTimeout().toMillis();
    // tck-id-operational-behavior-data-commands-rebirth-action-3: a rebirth repeats this session's bdSeq.
    l.publishAndWait(topics.node("NBIRTH"), payloads.birth(SparkplugMetrics.NODE, all.get(SparkplugMetrics.NODE),
        nextSeq(), bdSeq, now), 0, false, timeout);
    for (String device : SparkplugMetrics.DEVICES) {
      l.publishAndWait(topics.device("DBIRTH", device), payloads.birth(device, all.get(device), nextSeq(), null, now),
          0, false, timeout);
    }
    births.incrementAndGet();
    born = true;
    birthNeeded = false;
    log.info("[{}] Sparkplug: born with bdSeq {} ({} records to replay as historical)", config.cell(), bdSeq,
        liveFrom - next);
  }

  private void deliver(MqttLink l, OutboxRecord r) throws MqttException {
    CellEvent event;
    boolean isHistorical = r.offset() < liveFrom;
    try {
      event = EventLog.decode(r);
    } catch (IllegalArgumentException e) {
      badMessages.incrementAndGet();
      log.warn("[{}] Sparkplug: skipping {}", config.cell(), e.getMessage());
      if (isHistorical && r.offset() + 1 == liveFrom) {
        delivered = current;
      }
      return;
    }
    Map<String, Map<String, SparkplugMetrics.Value>> before = SparkplugMetrics.of(delivered);
    delivered.apply(event);
    Map<String, Map<String, SparkplugMetrics.Value>> after = SparkplugMetrics.of(delivered);
    if (isHistorical && r.offset() + 1 == liveFrom) {
      delivered = current; // caught up: the births already hold this state
    }
    if (r.snapshot()) {
      return;
    }
    Date now = new Date(clock.millis());
    Date time = Date.from(event.time());
    for (Map.Entry<String, Map<String, SparkplugMetrics.Value>> device : after.entrySet()) {
      Map<String, SparkplugMetrics.Value> changed = new LinkedHashMap<>();
      Map<String, SparkplugMetrics.Value> old = before.get(device.getKey());
      device.getValue().forEach((name, v) -> {
        if (!Objects.equals(old.get(name), v)) {
          changed.put(name, v);
        }
      });
      if (changed.isEmpty()) {
        continue;
      }
      if (!isHistorical && changed.keySet().stream().anyMatch(n -> !payloads.known(device.getKey(), n))) {
        // A metric the births did not declare (a new robot, meter or model): births first, they carry the value.
        next = r.offset() + 1;
        birth(l);
        return;
      }
      String topic = device.getKey().isEmpty() ? topics.node("NDATA") : topics.device("DDATA", device.getKey());
      l.publishAndWait(topic, payloads.data(device.getKey(), changed, nextSeq(), isHistorical, time, now), 0, false,
          mqtt.connectTimeout().toMillis());
      (isHistorical ? historical : data).incrementAndGet();
    }
  }

  private void endSession(MqttLink l) {
    try {
      // tck-id-operational-behavior-edge-node-intentional-disconnect-ndeath
      l.publishAndWait(topics.node("NDEATH"), payloads.death(bdSeq, new Date(clock.millis())), 1, false, 2000);
    } catch (MqttException e) {
      log.debug("[{}] NDEATH not sent: {}", config.cell(), e.getMessage());
    }
    born = false;
    l.close();
  }

  private void hostMessage(String topic, byte[] payload) {
    try {
      host.accept(topic, payload).ifPresent(online ->
          log.info("[{}] Sparkplug: primary host {} is {}", config.cell(), config.primaryHostId(),
              online ? "online" : "offline"));
    } catch (IllegalArgumentException e) {
      badMessages.incrementAndGet();
      log.warn("[{}] Sparkplug: ignoring {}", config.cell(), e.getMessage());
    }
  }

  private void runSignals() {
    Runnable signal;
    while ((signal = signals.poll()) != null) {
      signal.run();
    }
  }

  /** tck-id-payloads-sequence-num-incrementing: 0..255 across the node's messages, then 0 again. */
  private long nextSeq() {
    long s = seq;
    seq = (seq + 1) % 256;
    return s;
  }

  private boolean await(long millis) {
    try {
      return closed.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Drops the connection without NDEATH, as a network cut would: the broker publishes the will (tests). */
  void cutConnection() {
    MqttLink l = link;
    if (l != null) {
      l.abort();
    }
  }

  /** Publishes NDEATH, disconnects and saves the cursor. */
  @Override
  public void close() {
    closed.countDown();
    Thread t = thread;
    if (t != null) {
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    commands.close();
    cursor.flush();
  }
}
