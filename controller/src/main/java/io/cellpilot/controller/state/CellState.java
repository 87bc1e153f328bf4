package io.cellpilot.controller.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The latest value, quality and age of every tag in the cell. Writers are the ingest sources (many threads); readers
 * get {@link TagReading}s that say whether a value is stale, computed at read time from the tag's max age, so a tag
 * whose source went quiet turns stale without anybody writing to it.
 */
public final class CellState implements TagSink {
  private final Clock clock;
  private final Function<String, Duration> maxAgeOf;
  private final Map<String, TagValue> latest = new ConcurrentHashMap<>();
  private final Map<String, Instant> confirmed = new ConcurrentHashMap<>();
  private final List<TagSink> listeners = new CopyOnWriteArrayList<>();

  /** @param maxAgeOf each tag's max age (per tag, or its source's) */
  public CellState(Clock clock, Function<String, Duration> maxAgeOf) {
    this.clock = clock;
    this.maxAgeOf = maxAgeOf;
  }

  @Override
  public void accept(TagValue value) {
    confirmed.remove(value.tag());
    latest.put(value.tag(), value);
    for (TagSink listener : listeners) {
      listener.accept(value);
    }
  }

  @Override
  public void confirm(String tag, Instant at) {
    TagValue value = latest.get(tag);
    if (value != null && value.quality() != Quality.BAD) {
      confirmed.merge(tag, at, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  /** Called on the writer's thread after each update; listeners must return quickly. */
  public void addListener(TagSink listener) {
    listeners.add(listener);
  }

  public TagReading read(String tag) {
    return reading(tag, latest.get(tag), clock.instant());
  }

  /** Every tag known, by name. */
  public Map<String, TagReading> snapshot() {
    Instant now = clock.instant();
    Map<String, TagReading> out = new TreeMap<>();
    latest.forEach((tag, value) -> out.put(tag, reading(tag, value, now)));
    return out;
  }

  /**
   * The readings of these tags when all are fresh; otherwise throws {@link StaleDataException} naming every tag that
   * is not. Decisions call this so that they never act on old values.
   */
  public Map<String, TagReading> requireFresh(Collection<String> tags) {
    Instant now = clock.instant();
    Map<String, TagReading> out = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (String tag : tags) {
      TagReading r = reading(tag, latest.get(tag), now);
      out.put(tag, r);
      if (!r.fresh()) {
        problems.add(r.problem());
      }
    }
    if (!problems.isEmpty()) {
      throw new StaleDataException(problems);
    }
    return out;
  }

  private TagReading reading(String tag, TagValue value, Instant now) {
    Duration maxAge = maxAgeOf.apply(tag);
    if (value == null) {
      return new TagReading(tag, null, Duration.ZERO, maxAge, true);
    }
    Instant vouched = confirmed.get(tag);
    Instant since = vouched != null && vouched.isAfter(value.sourceTime()) ? vouched : value.sourceTime();
    Duration age = Duration.between(since, now);
    if (age.isNegative()) {
      // A device clock ahead of ours: judge by arrival, which we measured ourselves.
      age = Duration.between(value.receivedTime(), now);
      age = age.isNegative() ? Duration.ZERO : age;
    }
    boolean stale = age.compareTo(maxAge) > 0 || value.quality() == Quality.BAD;
    return new TagReading(tag, value, age, maxAge, stale);
  }
}
