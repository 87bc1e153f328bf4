package io.cellpilot.controller.plc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellpilot.controller.state.TagReading;
import io.cellpilot.controller.state.TagValue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LineMonitorTest {
  private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
  private static final Duration MAX = Duration.ofSeconds(10);

  private static TagReading good(String tag, Object value) {
    return new TagReading(tag, TagValue.good(tag, value, NOW, NOW), Duration.ZERO, MAX, false);
  }

  @Test
  void theWireContractsCodesBecomeStates() {
    assertEquals(new LineMonitor.Seen("STOPPED", ""), LineMonitor.seen(good("plc.line-state", 0L), null));
    assertEquals(new LineMonitor.Seen("RUNNING", ""), LineMonitor.seen(good("plc.line-state", 1L), null));
    assertEquals(new LineMonitor.Seen("FAULTED", "pick hold timeout"),
        LineMonitor.seen(good("plc.line-state", 2L), good("plc.fault-text", "pick hold timeout")));
  }

  @Test
  void aBadOrStaleStateTagIsUnknownNeverItsLastValue() {
    TagReading bad = new TagReading("plc.line-state", TagValue.bad("plc.line-state", NOW), Duration.ZERO, MAX, true);
    assertEquals("UNKNOWN", LineMonitor.seen(bad, null).state());
    assertEquals("the PLC's line state cannot be trusted: plc.line-state has quality BAD",
        LineMonitor.seen(bad, null).reason());
    TagReading old = new TagReading("plc.line-state", TagValue.good("plc.line-state", 1L, NOW, NOW),
        Duration.ofSeconds(12), MAX, true);
    assertEquals("UNKNOWN", LineMonitor.seen(old, null).state());
  }

  @Test
  void anUnexpectedCodeIsUnknownAndSaysWhatCame() {
    assertEquals(new LineMonitor.Seen("UNKNOWN", "plc.line-state reports 7, which is not 0, 1 or 2"),
        LineMonitor.seen(good("plc.line-state", 7L), null));
  }
}
