package io.cellpilot.controller.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellStateTest {
  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = T0;

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
  }

  private final ManualClock clock = new ManualClock();
  private final CellState state = new CellState(clock,
      new TagMaxAges(Duration.ofSeconds(10)).add("plc.part-id", Duration.ofSeconds(2)).add("{1}.vibration",
          Duration.ofSeconds(5)));

  @Test
  void aTagTurnsStaleWhenItsMaxAgePassesWithoutAnyWrite() {
    state.accept(TagValue.good("press.vibration", 2.3, T0, T0));
    assertTrue(state.read("press.vibration").fresh());
    clock.now = T0.plusSeconds(6);
    TagReading r = state.read("press.vibration");
    assertTrue(r.stale());
    assertEquals("press.vibration is 6.0 s old (max 5.0 s)", r.problem());
    assertEquals(2.3, r.value().orElseThrow(), "the last value is still shown, marked stale");
  }

  @Test
  void requireFreshNamesEveryTagThatIsNotFresh() {
    state.accept(TagValue.good("plc.part-id", "P1", T0, T0));
    state.accept(TagValue.bad("press.vibration", T0));
    clock.now = T0.plusSeconds(3);
    StaleDataException e = assertThrows(StaleDataException.class,
        () -> state.requireFresh(List.of("plc.part-id", "press.vibration", "plc.unknown")));
    assertEquals(List.of("plc.part-id is 3.0 s old (max 2.0 s)", "press.vibration has quality BAD",
        "plc.unknown has never been received"), e.problems());
  }

  @Test
  void aConfirmationFromTheSourceKeepsAnUnchangedValueFreshUntilTheNextChange() {
    state.accept(TagValue.good("plc.part-id", "P1", T0, T0));
    clock.now = T0.plusSeconds(3);
    state.confirm("plc.part-id", clock.now);
    assertTrue(state.read("plc.part-id").fresh());
    state.accept(TagValue.good("plc.part-id", "P2", T0, clock.now));
    assertFalse(state.read("plc.part-id").fresh(), "a new value is judged by its own time again");
  }

  @Test
  void aDeviceClockAheadOfOursIsJudgedByArrival() {
    state.accept(TagValue.good("press.vibration", 1.0, T0.plusSeconds(60), T0));
    clock.now = T0.plusSeconds(1);
    assertTrue(state.read("press.vibration").fresh());
    clock.now = T0.plusSeconds(6);
    assertTrue(state.read("press.vibration").stale());
  }
}
