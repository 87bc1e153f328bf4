package io.cellpilot.status.sparkplug;

import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.EnergyUpdated;
import io.cellpilot.events.LineStateChanged;
import io.cellpilot.events.ModelChanged;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.ReviewRequested;
import io.cellpilot.events.RobotStateChanged;
import io.cellpilot.events.Severity;
import io.cellpilot.status.CellStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.tahu.message.model.MetricDataType;

/**
 * The edge node's metrics as a pure function of the cell's status: node metrics under the key {@link #NODE}, and one
 * map per device ({@code line}, {@code robot}, {@code inspection}, {@code energy}). Command metrics are listed with
 * their idle value so that hosts discover them in the births. Values are null while unknown (sent as is_null).
 */
public final class SparkplugMetrics {
  public static final String NODE = "";
  public static final List<String> DEVICES = List.of("line", "robot", "inspection", "energy");

  static final String REBIRTH = "Node Control/Rebirth";
  static final String BDSEQ = "bdSeq";
  static final String USER = "Command/User";
  static final String TOKEN = "Command/Token";
  static final String RESET_ALARM = "Command/Reset Alarm";
  static final String PAUSE = "Command/Pause";
  static final String RESUME = "Command/Resume";
  static final String RESOLVE_PART = "Command/Resolve Part Id";
  static final String RESOLVE_LABEL = "Command/Resolve Label";

  /** A metric's Sparkplug datatype and current value. */
  public record Value(MetricDataType type, Object value) {}

  private SparkplugMetrics() {}

  /** Every metric of the node and its devices, in a stable order. */
  public static Map<String, Map<String, Value>> of(CellStatus s) {
    Map<String, Map<String, Value>> all = new LinkedHashMap<>();
    all.put(NODE, node(s));
    all.put("line", line(s.line()));
    all.get("line").putAll(oee(s));
    all.put("robot", robot(s));
    all.put("inspection", inspection(s));
    all.put("energy", energy(s));
    return all;
  }

  private static Map<String, Value> node(CellStatus s) {
    Map<String, Value> m = new LinkedHashMap<>();
    // Sparkplug B 3.0 tck-id-operational-behavior-data-commands-rebirth-datatype/-value: Boolean, false in NBIRTH.
    m.put(REBIRTH, bool(false));
    m.put(RESET_ALARM, text(""));
    m.put(USER, text(""));
    m.put(TOKEN, text(""));
    List<AlarmRaised> alarms = s.alarms();
    m.put("Alarms/Active Count", new Value(MetricDataType.Int32, alarms.size()));
    m.put("Alarms/Active", text(alarms.stream().map(AlarmRaised::alarmId).collect(Collectors.joining(","))));
    Severity highest = alarms.stream().map(AlarmRaised::severity).max(Enum::compareTo).orElse(null);
    m.put("Alarms/Highest Severity", text(highest == null ? "" : highest.name()));
    m.put("Alarms/Last Message", text(alarms.isEmpty() ? "" : alarms.get(alarms.size() - 1).message()));
    for (ModelChanged model : s.models().values()) {
      m.put("Models/" + model.model() + "/Version", text(model.version()));
      m.put("Models/" + model.model() + "/Change", text(model.change().name()));
    }
    return m;
  }

  private static Map<String, Value> line(LineStateChanged l) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("State", text(l == null ? null : l.state()));
    m.put("Paused", new Value(MetricDataType.Boolean, l == null ? null : l.paused()));
    m.put("Reason", text(l == null ? null : l.reason()));
    m.put(PAUSE, bool(false));
    m.put(RESUME, bool(false));
    m.put(USER, text(""));
    m.put(TOKEN, text(""));
    return m;
  }

  private static Map<String, Value> robot(CellStatus s) {
    Map<String, Value> m = new LinkedHashMap<>();
    for (RobotStateChanged r : s.robots().values()) {
      String p = r.robotId() + "/";
      m.put(p + "Driver State", text(r.driverState()));
      m.put(p + "Robot Mode", text(r.robotMode()));
      m.put(p + "Safety Mode", text(r.safetyMode()));
      m.put(p + "Program Running", bool(r.programRunning()));
      m.put(p + "Speed Scaling", number(r.speedScaling()));
    }
    PartRejected j = s.lastReject();
    m.put("Last Reject/Part Id", text(j == null ? null : j.partId()));
    m.put("Last Reject/Robot Id", text(j == null ? null : j.robotId()));
    m.put("Last Reject/Outcome", text(j == null ? null : j.outcome().name()));
    m.put("Last Reject/Cycle s", number(j == null ? null : j.cycleSeconds()));
    m.put("Last Reject/Energy Wh", number(j == null ? null : j.energyWh()));
    m.put("Last Reject/Reason", text(j == null ? null : j.reason()));
    return m;
  }

  private static Map<String, Value> inspection(CellStatus s) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("Counts/Inspected", new Value(MetricDataType.Int64, s.counts().inspected()));
    m.put("Counts/Good", new Value(MetricDataType.Int64, s.counts().good()));
    m.put("Counts/Rejected", new Value(MetricDataType.Int64, s.counts().rejected()));
    m.put("Counts/Review", new Value(MetricDataType.Int64, s.counts().review()));
    PartInspected p = s.lastInspected();
    m.put("Last/Part Id", text(p == null ? null : p.partId()));
    m.put("Last/Verdict", text(p == null ? null : p.verdict().name()));
    m.put("Last/Defect Type", text(p == null ? null : p.defectType() == null ? "" : p.defectType()));
    m.put("Last/Score", number(p == null ? null : p.score()));
    m.put("Last/Threshold", number(p == null ? null : p.threshold()));
    m.put("Last/Action", text(p == null ? null : p.action().name()));
    m.put("Last/Model Version", text(p == null ? null : p.modelVersion()));
    m.put("Last/Event Id", text(p == null ? null : p.eventId()));
    List<ReviewRequested> reviews = s.reviews();
    m.put("Review/Queue Size", new Value(MetricDataType.Int32, reviews.size()));
    m.put("Review/Queue", text(reviews.stream().map(ReviewRequested::partId).collect(Collectors.joining(","))));
    m.put(RESOLVE_PART, text(""));
    m.put(RESOLVE_LABEL, text(""));
    m.put(USER, text(""));
    m.put(TOKEN, text(""));
    return m;
  }

  private static Map<String, Value> energy(CellStatus s) {
    Map<String, Value> m = new LinkedHashMap<>();
    for (EnergyUpdated e : s.meters().values()) {
      String p = e.meter() + "/";
      m.put(p + "Power kW", number(e.powerKw()));
      m.put(p + "Energy kWh", number(e.energyKwh()));
      m.put(p + "Energy per Part Wh", number(e.energyPerPartWh()));
      m.put(p + "CO2 kg", number(e.co2Kg()));
    }
    // Always present (null while unknown), so that hosts see them in DBIRTH and no rebirth is needed later.
    io.cellpilot.energy.record.ShiftRecord sh = s.shiftEnergy() == null ? null : s.shiftEnergy().shift();
    m.put("Shift/Id", text(sh == null ? null : sh.shift()));
    m.put("Shift/Energy kWh", number(sh == null ? null : sh.siteKwh()));
    m.put("Shift/Idle kWh", number(sh == null ? null : sh.idleKwh()));
    m.put("Shift/CO2 Location kg", number(sh == null ? null : sh.locationKg()));
    m.put("Shift/CO2 Market kg", number(sh == null ? null : sh.marketKg()));
    m.put("Shift/Parts", new Value(MetricDataType.Int64, sh == null ? null : sh.parts()));
    m.put("Shift/Good Parts", new Value(MetricDataType.Int64, sh == null ? null : sh.good()));
    m.put("Shift/kWh per Good Part", number(sh == null ? null : sh.kwhPerGoodPart()));
    m.put("Shift/kg CO2e per Good Part", number(sh == null ? null : sh.kgPerGoodPart()));
    m.put("Idle Alarm", new Value(MetricDataType.Boolean, s.shiftEnergy() == null ? null : s.shiftEnergy().idleAlarm()));
    io.cellpilot.energy.record.PartEnergy pe = s.partEnergy() == null ? null : s.partEnergy().part();
    m.put("Part/Count", new Value(MetricDataType.Int64, pe == null ? null : pe.toCount()));
    m.put("Part/Energy Wh", number(pe == null ? null : pe.siteKwhPerPart() * 1000));
    m.put("Part/CO2 Location g", number(pe == null ? null : pe.locationKgPerPart() * 1000));
    m.put("Part/CO2 Market g", number(pe == null ? null : pe.marketKgPerPart() * 1000));
    return m;
  }

  /** The running shift's OEE and its three factors, on the line device. */
  private static Map<String, Value> oee(CellStatus s) {
    Map<String, Value> m = new LinkedHashMap<>();
    io.cellpilot.energy.record.ShiftRecord sh = s.shiftEnergy() == null ? null : s.shiftEnergy().shift();
    m.put("OEE/Shift", text(sh == null ? null : sh.shift()));
    m.put("OEE/Availability", number(sh == null ? null : sh.availability()));
    m.put("OEE/Performance", number(sh == null ? null : sh.performance()));
    m.put("OEE/Quality", number(sh == null ? null : sh.quality()));
    m.put("OEE/OEE", number(sh == null ? null : sh.oee()));
    return m;
  }

  private static Value text(String v) {
    return new Value(MetricDataType.String, v);
  }

  private static Value bool(boolean v) {
    return new Value(MetricDataType.Boolean, v);
  }

  /** NaN means "not known": sent as null rather than a number a host would chart. */
  private static Value number(Double v) {
    return new Value(MetricDataType.Double, v == null || v.isNaN() ? null : v);
  }
}
