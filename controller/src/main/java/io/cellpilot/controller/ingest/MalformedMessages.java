package io.cellpilot.controller.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts refused messages per topic and logs them with the topic and the reason, at most once per topic per
 * interval (a sensor that sends garbage at 100 Hz must not flood the log), saying how many were suppressed.
 */
public final class MalformedMessages {
  private static final Logger log = LoggerFactory.getLogger(MalformedMessages.class);
  private static final int MAX_TOPICS = 10_000;

  private final String source;
  private final Clock clock;
  private final Duration logInterval;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();

  public MalformedMessages(String source, Clock clock, Duration logInterval) {
    this.source = source;
    this.clock = clock;
    this.logInterval = logInterval;
  }

  public void record(String topic, String reason) {
    total.increment();
    // Bound the map: a client publishing to endless random topics must not exhaust memory.
    String key = counts.size() < MAX_TOPICS || counts.containsKey(topic) ? topic : "(other topics)";
    long count = counts.computeIfAbsent(key, t -> new LongAdder()).sum() + 1;
    counts.get(key).increment();
    Instant now = clock.instant();
    AtomicLong last = lastLogged.computeIfAbsent(key, t -> new AtomicLong(Long.MIN_VALUE));
    long previous = last.get();
    if (previous == Long.MIN_VALUE || now.toEpochMilli() - previous >= logInterval.toMillis()) {
      if (last.compareAndSet(previous, now.toEpochMilli())) {
        log.warn("[{}] malformed message on {}: {} ({} malformed on this topic so far)", source, topic, reason, count);
      }
    }
  }

  public long total() {
    return total.sum();
  }

  public Map<String, Long> byTopic() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((topic, n) -> out.put(topic, n.sum()));
    return out;
  }
}
