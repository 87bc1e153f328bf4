package io.cellpilot.controller.ingest;

import io.cellpilot.controller.ingest.PayloadDecoder.MatchedMapping;
import io.cellpilot.controller.state.TagSink;
import io.cellpilot.controller.state.TagValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sensor values over MQTT: subscribes to the mappings' topic filters and turns each JSON message into tag values.
 * A malformed message (bad JSON, a missing field, a wrong type, NaN, a bad timestamp) is counted per topic and logged
 * with the topic; it never stops the other mappings or the other topics. When the broker is lost every tag the
 * source has delivered turns BAD, so nobody mistakes its last value for a current one.
 *
 * <p>Paho's callback thread only queues each message; one decoder thread per source parses and writes to the cell
 * state in arrival order. Paho's single callback thread is the ingest ceiling (DEPENDENCIES.md pitfall 4), so the
 * JSON work is kept off it. When the queue is full (the decoder cannot keep up for seconds) messages are dropped and
 * counted, never blocking the connection.
 */
public final class MqttIngestSource implements IngestSource {
  private static final Logger log = LoggerFactory.getLogger(MqttIngestSource.class);
  private static final int MAX_CACHED_TOPICS = 10_000;
  private static final int QUEUE_CAPACITY = 65_536;
  /** Queued after a connection loss, so that values received before it cannot overwrite the BAD marks. */
  private static final Pending LOST = new Pending("", new byte[0], Instant.EPOCH);

  private record Pending(String topic, byte[] payload, Instant receivedAt) {}

  private final String id;
  private final MqttEndpoint endpoint;
  private final List<TopicMapping> mappings;
  private final int qos;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final PayloadDecoder payloads = new PayloadDecoder();
  private final MalformedMessages malformed;
  private final Map<String, List<MatchedMapping>> routes = new ConcurrentHashMap<>();
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final LongAdder messages = new LongAdder();
  private final LongAdder values = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private Thread decoder;
  private volatile TagSink sink;
  private volatile MqttConnection connection;

  public MqttIngestSource(String id, MqttEndpoint endpoint, List<TopicMapping> mappings, int qos, Clock clock,
      ScheduledExecutorService scheduler) {
    this.id = id;
    this.endpoint = endpoint;
    this.mappings = List.copyOf(mappings);
    this.qos = qos;
    this.clock = clock;
    this.scheduler = scheduler;
    this.malformed = new MalformedMessages(id, clock, Duration.ofSeconds(10));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public synchronized void start(TagSink sink) {
    this.sink = sink;
    Set<String> filters = new LinkedHashSet<>();
    mappings.forEach(m -> filters.add(m.filter()));
    List<MqttSubscription> subscriptions = new ArrayList<>();
    filters.forEach(f -> subscriptions.add(new MqttSubscription(f, qos)));
    decoder = new Thread(this::decodeLoop, "ingest-" + id);
    decoder.setDaemon(true);
    decoder.start();
    connection = new MqttConnection(id, endpoint, subscriptions, this::onMessage, this::onLost, scheduler);
    connection.start();
  }

  private void onMessage(String topic, MqttMessage message) {
    if (!queue.offer(new Pending(topic, message.getPayload(), clock.instant()))) {
      dropped.increment();
      malformed.record(topic, "dropped: the decoder queue is full (" + QUEUE_CAPACITY + " messages)");
    }
  }

  private void decodeLoop() {
    List<Pending> batch = new ArrayList<>(256);
    while (!Thread.currentThread().isInterrupted()) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, 255);
      for (Pending p : batch) {
        try {
          if (p == LOST) {
            markBad();
          } else {
            decode(p.topic(), p.payload(), p.receivedAt());
          }
        } catch (RuntimeException e) {
          log.error("[{}] decoding a message on {} failed", id, p.topic(), e);
        }
      }
      batch.clear();
    }
  }

  /** Delivers decoded values to {@code sink} without connecting (the benchmark's decode-only figure). */
  public void attach(TagSink sink) {
    this.sink = sink;
  }

  /** Decodes one message on the caller's thread; the benchmark drives it directly for its decode-only figure. */
  public void decode(String topic, byte[] payload, Instant now) {
    messages.increment();
    List<MatchedMapping> matched = route(topic);
    if (matched.isEmpty()) {
      // Overlapping filters of another source on the same connection; nothing maps it here.
      return;
    }
    PayloadDecoder.Result result = this.payloads.decode(topic, payload, matched, now);
    TagSink target = sink;
    for (TagValue value : result.values()) {
      values.increment();
      delivered.add(value.tag());
      if (target != null) {
        target.accept(value);
      }
    }
    for (String problem : result.problems()) {
      malformed.record(topic, problem);
    }
  }

  private List<MatchedMapping> route(String topic) {
    List<MatchedMapping> cached = routes.get(topic);
    if (cached != null) {
      return cached;
    }
    List<MatchedMapping> matched = new ArrayList<>(1);
    for (TopicMapping m : mappings) {
      m.tagFor(topic).ifPresent(tag -> matched.add(new MatchedMapping(m, tag)));
    }
    List<MatchedMapping> route = List.copyOf(matched);
    if (routes.size() < MAX_CACHED_TOPICS) {
      routes.put(topic, route);
    }
    return route;
  }

  private void onLost() {
    if (!queue.offer(LOST)) {
      queue.clear();
      queue.offer(LOST);
    }
  }

  private void markBad() {
    Instant now = clock.instant();
    TagSink target = sink;
    if (target != null) {
      delivered.forEach(tag -> target.accept(TagValue.bad(tag, now)));
    }
  }

  @Override
  public ConnectionStatus connection() {
    MqttConnection c = connection;
    return c == null ? ConnectionStatus.down("not started") : c.status();
  }

  @Override
  public IngestStats stats() {
    return new IngestStats(messages.sum(), values.sum(), malformed.total(), malformed.byTopic());
  }

  /** Messages dropped because the decoder queue was full (also counted as malformed on their topic). */
  public long dropped() {
    return dropped.sum();
  }

  public MqttEndpoint endpoint() {
    return endpoint;
  }

  /** Idempotent: the runtime closes sources in order at shutdown, and the container may close them again. */
  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
    if (decoder != null) {
      decoder.interrupt();
    }
  }
}
