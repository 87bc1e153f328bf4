package io.cellpilot.controller.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MalformedMessagesTest {
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(MalformedMessages.class);
  private Instant now = Instant.parse("2026-11-22T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @BeforeEach
  void attach() {
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(logged);
  }

  @Test
  void aFloodOnOneTopicIsCountedInFullButLoggedOncePerIntervalWithTheTopicAndTheReason() {
    MalformedMessages malformed = new MalformedMessages("sensors", clock, Duration.ofSeconds(10));
    for (int i = 0; i < 1000; i++) {
      malformed.record("factory/line1/press/vibration", "field /value is NaN");
    }
    malformed.record("factory/line1/conveyor/current", "not JSON: unexpected end");
    now = now.plusSeconds(11);
    malformed.record("factory/line1/press/vibration", "field /value is NaN");

    assertEquals(1002, malformed.total());
    assertEquals(Map.of("factory/line1/press/vibration", 1001L, "factory/line1/conveyor/current", 1L),
        malformed.byTopic());
    List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertEquals(List.of(
        "[sensors] malformed message on factory/line1/press/vibration: field /value is NaN "
            + "(1 malformed on this topic so far)",
        "[sensors] malformed message on factory/line1/conveyor/current: not JSON: unexpected end "
            + "(1 malformed on this topic so far)",
        "[sensors] malformed message on factory/line1/press/vibration: field /value is NaN "
            + "(1001 malformed on this topic so far)"), lines);
  }
}
