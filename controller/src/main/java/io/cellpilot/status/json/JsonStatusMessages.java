package io.cellpilot.status.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.EnergyUpdated;
import io.cellpilot.events.ModelChanged;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.ReviewRequested;
import io.cellpilot.events.RobotStateChanged;
import io.cellpilot.events.Severity;
import io.cellpilot.status.CellStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The plain JSON topics as a pure function of the cell's status and events (documented in docs/mqtt-status.md).
 * Numbers that are not known (NaN) are written as {@code null}; times are ISO-8601 UTC.
 */
public final class JsonStatusMessages {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  /** One MQTT message: QoS 1, retained for state, not for events. */
  public record Message(String topic, byte[] payload, boolean retained) {
    public String text() {
      return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final String base;

  public JsonStatusMessages(String site, String cell) {
    this.base = "cellpilot/" + site + "/" + cell;
  }

  public String base() {
    return base;
  }

  public String statusTopic() {
    return base + "/status";
  }

  /** The retained online marker, or (as the will) the offline one. */
  public Message status(boolean online, Instant since) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("online", online);
    n.put("since", since.toString());
    return new Message(statusTopic(), bytes(n), true);
  }

  /** The non-retained event message, then the retained state messages it changed. */
  public List<Message> forEvent(CellEvent event, CellStatus status) {
    List<Message> out = new ArrayList<>(2);
    ObjectNode payload = MAPPER.valueToTree(event);
    payload.put("type", event.type());
    out.add(new Message(base + "/events/" + event.type(), bytes(clean(payload)), false));
    CellStatus.Part part = status.apply(event);
    out.addAll(state(part, status, event));
    return out;
  }

  /** Every retained state message, for a fresh connection (a broker restarted without persistence forgets them). */
  public List<Message> allState(CellStatus status) {
    List<Message> out = new ArrayList<>();
    for (CellStatus.Part part : CellStatus.Part.values()) {
      out.addAll(state(part, status, null));
    }
    return out;
  }

  private List<Message> state(CellStatus.Part part, CellStatus s, CellEvent cause) {
    switch (part) {
      case LINE:
        return s.line() == null ? List.of() : List.of(retained("state/line", MAPPER.valueToTree(s.line())));
      case ROBOT:
        return robots(s, cause);
      case INSPECTION:
        return List.of(retained("state/inspection", inspection(s)));
      case ALARMS:
        return List.of(retained("state/alarms", alarms(s)));
      case REVIEWS:
        return List.of(retained("state/reviews", reviews(s)));
      case MODELS:
        return perKey("state/model/", s.models(), cause instanceof ModelChanged m ? m.model() : null);
      case ENERGY:
        return energy(s, cause);
      default:
        throw new IllegalStateException("unhandled part " + part);
    }
  }

  private List<Message> robots(CellStatus s, CellEvent cause) {
    String only = cause instanceof RobotStateChanged r ? r.robotId()
        : cause instanceof PartRejected p ? p.robotId() : null;
    List<Message> out = new ArrayList<>();
    PartRejected reject = s.lastReject();
    for (Map.Entry<String, RobotStateChanged> e : s.robots().entrySet()) {
      if (only == null || only.equals(e.getKey())) {
        ObjectNode n = MAPPER.valueToTree(e.getValue());
        boolean ours = reject != null && reject.robotId().equals(e.getKey());
        n.set("lastReject", ours ? MAPPER.valueToTree(reject) : null);
        out.add(retained("state/robot/" + e.getKey(), n));
      }
    }
    return out;
  }

  private static ObjectNode inspection(CellStatus s) {
    ObjectNode n = MAPPER.createObjectNode();
    n.set("counts", MAPPER.valueToTree(s.counts()));
    n.set("last", s.lastInspected() == null ? null : MAPPER.valueToTree(s.lastInspected()));
    return n;
  }

  private static ObjectNode alarms(CellStatus s) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode active = n.putArray("active");
    Severity highest = null;
    for (AlarmRaised a : s.alarms()) {
      active.add(MAPPER.valueToTree(a));
      highest = highest == null || a.severity().compareTo(highest) > 0 ? a.severity() : highest;
    }
    n.put("count", s.alarms().size());
    n.put("highestSeverity", highest == null ? null : highest.name());
    return n;
  }

  private static ObjectNode reviews(CellStatus s) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode queue = n.putArray("queue");
    for (ReviewRequested r : s.reviews()) {
      queue.add(MAPPER.valueToTree(r));
    }
    n.put("size", s.reviews().size());
    return n;
  }

  /** Meters under state/energy/<meter>; the shift and the last part under state/energy/shift and .../part. */
  private List<Message> energy(CellStatus s, CellEvent cause) {
    List<Message> out = new ArrayList<>();
    if (cause == null || cause instanceof EnergyUpdated) {
      out.addAll(perKey("state/energy/", s.meters(), cause instanceof EnergyUpdated m ? m.meter() : null));
    }
    if ((cause == null || cause instanceof io.cellpilot.events.ShiftEnergyUpdated) && s.shiftEnergy() != null) {
      out.add(retained("state/energy/shift", MAPPER.valueToTree(s.shiftEnergy())));
    }
    if ((cause == null || cause instanceof io.cellpilot.events.PartEnergyRecorded) && s.partEnergy() != null) {
      out.add(retained("state/energy/part", MAPPER.valueToTree(s.partEnergy())));
    }
    return out;
  }

  private List<Message> perKey(String prefix, Map<String, ? extends CellEvent> values, String only) {
    List<Message> out = new ArrayList<>();
    values.forEach((k, v) -> {
      if (only == null || only.equals(k)) {
        out.add(retained(prefix + k, MAPPER.valueToTree(v)));
      }
    });
    return out;
  }

  private Message retained(String suffix, JsonNode payload) {
    return new Message(base + "/" + suffix, bytes(clean(payload)), true);
  }

  /** NaN is not JSON: write null for numbers that are not known. */
  private static JsonNode clean(JsonNode node) {
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
      List<String> nulls = new ArrayList<>();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (f.getValue().isDouble() && !Double.isFinite(f.getValue().doubleValue())) {
          nulls.add(f.getKey());
        } else {
          clean(f.getValue());
        }
      }
      nulls.forEach(o::putNull);
    } else if (node instanceof ArrayNode a) {
      a.forEach(JsonStatusMessages::clean);
    }
    return node;
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
