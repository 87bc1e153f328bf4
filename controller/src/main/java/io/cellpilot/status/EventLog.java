package io.cellpilot.status;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cellpilot.events.AlarmCleared;
import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.EnergyUpdated;
import io.cellpilot.events.LineStateChanged;
import io.cellpilot.events.ModelChanged;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.ReviewRequested;
import io.cellpilot.events.ReviewResolved;
import io.cellpilot.events.RobotStateChanged;
import io.cellpilot.status.outbox.Outbox;
import io.cellpilot.status.outbox.OutboxRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The cell's events as outbox records: JSON with a {@code type} field, keyed by the state each event sets (so that a
 * full outbox keeps the newest line state, robot state, alarm condition, review and meter reading).
 */
public final class EventLog {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private static final Map<String, Class<? extends CellEvent>> TYPES = Map.ofEntries(
      Map.entry("part-inspected", PartInspected.class),
      Map.entry("part-rejected", PartRejected.class),
      Map.entry("review-requested", ReviewRequested.class),
      Map.entry("review-resolved", ReviewResolved.class),
      Map.entry("alarm-raised", AlarmRaised.class),
      Map.entry("alarm-cleared", AlarmCleared.class),
      Map.entry("robot-state-changed", RobotStateChanged.class),
      Map.entry("line-state-changed", LineStateChanged.class),
      Map.entry("model-changed", ModelChanged.class),
      Map.entry("energy-updated", EnergyUpdated.class),
      Map.entry("shift-energy", io.cellpilot.events.ShiftEnergyUpdated.class),
      Map.entry("part-energy", io.cellpilot.events.PartEnergyRecorded.class));

  private EventLog() {}

  /** Writes the event to the outbox; returns its offset. */
  public static long append(Outbox outbox, CellEvent event) {
    return outbox.append(OutboxRecord.of(key(event), event.time().toEpochMilli(), tombstone(event), encode(event)));
  }

  public static byte[] encode(CellEvent event) {
    ObjectNode node = MAPPER.valueToTree(event);
    node.put("type", event.type());
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event a record holds; an {@link IllegalArgumentException} names what is wrong with a record that is not one. */
  public static CellEvent decode(OutboxRecord record) {
    try {
      ObjectNode node = (ObjectNode) MAPPER.readTree(record.payload());
      String type = node.path("type").asText();
      Class<? extends CellEvent> cls = TYPES.get(type);
      if (cls == null) {
        throw new IllegalArgumentException("outbox record " + record.offset() + " has unknown event type '" + type + "'");
      }
      node.remove("type");
      return MAPPER.treeToValue(node, cls);
    } catch (IOException | ClassCastException e) {
      throw new IllegalArgumentException("outbox record " + record.offset() + " is not a cell event: " + e.getMessage(),
          e);
    }
  }

  /**
   * Folds the events at offsets {@code [from, to)} into {@code status} (a publisher rebuilding its view after a restart,
   * or looking ahead for a birth); returns how many records were not events and were skipped.
   */
  public static long fold(Outbox outbox, CellStatus status, long from, long to) {
    long skipped = 0;
    long next = from;
    while (next < to) {
      java.util.List<OutboxRecord> batch = outbox.read(next, 1024);
      if (batch.isEmpty()) {
        break;
      }
      for (OutboxRecord r : batch) {
        if (r.offset() >= to) {
          return skipped;
        }
        try {
          status.apply(decode(r));
        } catch (IllegalArgumentException e) {
          skipped++;
        }
        next = r.offset() + 1;
      }
    }
    return skipped;
  }

  /** The state an event sets, or null for one that only happened (a reject pick's outcome is kept as the last). */
  static String key(CellEvent e) {
    if (e instanceof LineStateChanged) {
      return "line";
    } else if (e instanceof RobotStateChanged r) {
      return "robot/" + r.robotId();
    } else if (e instanceof PartInspected) {
      return "inspection";
    } else if (e instanceof PartRejected) {
      return "reject";
    } else if (e instanceof AlarmRaised a) {
      return "alarm/" + a.alarmId();
    } else if (e instanceof AlarmCleared a) {
      return "alarm/" + a.alarmId();
    } else if (e instanceof ReviewRequested r) {
      return "review/" + r.partId();
    } else if (e instanceof ReviewResolved r) {
      return "review/" + r.partId();
    } else if (e instanceof ModelChanged m) {
      return "model/" + m.model();
    } else if (e instanceof EnergyUpdated m) {
      return "energy/" + m.meter();
    } else if (e instanceof io.cellpilot.events.ShiftEnergyUpdated) {
      return "energy-shift";
    } else if (e instanceof io.cellpilot.events.PartEnergyRecorded) {
      return "energy-part";
    }
    return null;
  }

  /** Events that end a key's state: once delivered, nothing about that key needs remembering. */
  static boolean tombstone(CellEvent e) {
    return e instanceof AlarmCleared || e instanceof ReviewResolved;
  }
}
