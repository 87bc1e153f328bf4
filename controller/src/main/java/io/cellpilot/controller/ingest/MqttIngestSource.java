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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * Sensor values over MQTT: subscribes to the mappings' topic filters and turns each JSON message into tag values.
 * A malformed message (bad JSON, a missing field, a wrong type, NaN, a bad timestamp) is counted per topic and logged
 * with the topic; it never stops the other mappings or the other topics. When the broker is lost every tag the
 * source has delivered turns BAD, so nobody mistakes its last value for a current one.
 */
public final class MqttIngestSource implements IngestSource {
  private static final int MAX_CACHED_TOPICS = 10_000;

  private final String id;
  private final MqttEndpoint endpoint;
  private final List<TopicMapping> mappings;
  private final int qos;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final PayloadDecoder decoder = new PayloadDecoder();
  private final MalformedMessages malformed;
  private final Map<String, List<MatchedMapping>> routes = new ConcurrentHashMap<>();
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final LongAdder messages = new LongAdder();
  private final LongAdder values = new LongAdder();
  private volatile TagSink sink;
  private MqttConnection connection;

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
    connection = new MqttConnection(id, endpoint, subscriptions, this::onMessage, this::onLost, scheduler);
    connection.start();
  }

  /** Decodes one message; public so that the benchmark and tests can drive it without a broker too. */
  public void onMessage(String topic, MqttMessage message) {
    messages.increment();
    Instant now = clock.instant();
    List<MatchedMapping> matched = route(topic);
    if (matched.isEmpty()) {
      // Overlapping filters of another source on the same connection; nothing maps it here.
      return;
    }
    PayloadDecoder.Result result = decoder.decode(topic, message.getPayload(), matched, now);
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

  public MqttEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
  }
}
