package io.cellpilot.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellpilot.events.CellEvent;
import io.cellpilot.status.outbox.OutboxConfig;
import io.cellpilot.status.outbox.OutboxRecord;
import io.cellpilot.status.testing.SampleEvents;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellStatusTest {
  private final List<CellEvent> events = new SampleEvents(1L).everyType();

  @Test
  void foldingTheSampleShiftLeavesNoAlarmNoReviewAndTheLastVerdict() {
    CellStatus s = new CellStatus();
    events.forEach(s::apply);
    assertEquals("RUNNING", s.line().state());
    assertEquals(List.of(), s.alarms());
    assertEquals(List.of(), s.reviews());
    assertEquals(1, s.counts().rejected());
    assertEquals("P-000001", s.lastReject().partId());
    assertEquals("2026.11.3", s.models().get("inspection").version());
  }

  @Test
  void aCopyMovesOnIndependently() {
    CellStatus s = new CellStatus();
    events.subList(0, 7).forEach(s::apply); // up to the alarm raised
    CellStatus copy = s.copy();
    events.subList(7, events.size()).forEach(copy::apply);
    assertEquals(1, s.alarms().size());
    assertEquals(0, copy.alarms().size());
  }

  @Test
  void everyEventSurvivesTheOutboxEncodingUnchanged() {
    for (CellEvent e : events) {
      OutboxRecord r = new OutboxRecord(7, EventLog.key(e), 0, 0, EventLog.encode(e));
      assertEquals(e, EventLog.decode(r));
    }
  }

  @Test
  void aRecordThatIsNotAnEventIsNamedInTheError() {
    OutboxRecord r = new OutboxRecord(12, null, 0, 0, "{\"type\":\"coffee-made\"}".getBytes());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventLog.decode(r));
    assertEquals("outbox record 12 has unknown event type 'coffee-made'", e.getMessage());
  }

  @Test
  void configurationErrorsNameTheKey() {
    Path dir = Path.of("target", "unused");
    assertEquals("cellpilot.status.site must be 1-64 letters, digits, '_', '.' or '-' (no '/', '+', '#'), was 'line/1'",
        assertThrows(IllegalArgumentException.class, () -> StatusConfig.defaults("line/1", "c", dir)).getMessage());
    assertEquals("cellpilot.status.outbox.max-bytes must be at least twice segment-bytes (16777216), was 1000",
        assertThrows(IllegalArgumentException.class,
            () -> OutboxConfig.defaults(dir).withSizes(1000, 8L << 20)).getMessage());
    assertEquals("cellpilot.mqtt.server-uri must look like tcp://host:1883 or ssl://host:8883, was 'mqtt://x'",
        assertThrows(IllegalArgumentException.class,
            () -> io.cellpilot.status.mqtt.MqttConfig.plain("mqtt://x", "c")).getMessage());
  }
}
