package io.cellpilot.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.time.Instant;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;

/**
 * Where each figure of the cell lives. The robot follows the structure of OPC 40010-1 (Robotics, §7): a
 * MotionDeviceSystem with MotionDevices (Axes with ActualPosition/ActualSpeed in their ParameterSet), Controllers and
 * SafetyStates. The companion types themselves are not loaded; browse names and structure match so that a client
 * that knows the specification finds its way.
 */
final class CellAddressSpace {
  static final String CELL = "Cell";
  static final String MDS = "Cell/MotionDeviceSystem";
  static final String INSPECTION = "Cell/Inspection";
  static final String ENERGY = "Cell/Energy";
  static final String LINE = "Cell/Line";
  static final String SHIFT = "Cell/Shift";
  static final String INFORMATIONAL = "Informational copy of what the robot's own safety controller reports. "
      + "CellPilot is not a safety system: never use this value for a safety function.";

  private final CellNamespace ns;

  CellAddressSpace(CellNamespace ns) {
    this.ns = ns;
  }

  void create() {
    ns.folder(null, CELL, "The robot work cell run by CellPilot");
    ns.object(CELL, "MotionDeviceSystem", "The cell's robots after OPC 40010 (informational only)");
    ns.folder(MDS, "MotionDevices", "One object per robot");
    ns.folder(MDS, "Controllers", "One object per robot controller");
    ns.folder(MDS, "SafetyStates", INFORMATIONAL);
    ns.object(CELL, "Inspection", "The visual inspection station");
    String[] inspection = {"LastPartId", "LastVerdict", "LastAction", "ModelVersion"};
    for (String name : inspection) {
      ns.variable(INSPECTION, name, NodeIds.String, "Last inspected part: " + name);
    }
    ns.variable(INSPECTION, "LastScore", NodeIds.Double, "Model score of the last part (0..1)");
    for (String name : new String[] {"Inspected", "Good", "Rejected", "Review"}) {
      ns.variable(INSPECTION, name, NodeIds.UInt32, "Parts counted since the controller started counting");
    }
    ns.folder(CELL, "Energy", "Energy meters and carbon, one object per meter");
    ns.object(CELL, "Line", "The line's state and OEE");
    ns.variable(LINE, "State", NodeIds.String, "STOPPED, RUNNING, FAULTED or UNKNOWN");
    for (String name : new String[] {"Availability", "Performance", "Quality", "Oee"}) {
      ns.variable(LINE, name, NodeIds.Double, "OEE factor " + name + " (0..1)");
    }
    ns.variable(LINE, "GoodParts", NodeIds.UInt32, "Good parts in the current period");
    ns.variable(LINE, "TotalParts", NodeIds.UInt32, "All parts in the current period");
  }

  void robot(RobotSnapshot r) {
    String device = MDS + "/MotionDevices/" + r.robotId();
    ns.object(MDS + "/MotionDevices", r.robotId(), "Robot " + r.robotId() + " (informational only)");
    ns.variable(device, "Model", NodeIds.String, "Robot model");
    ns.object(device, "ParameterSet", "Motion device parameters");
    ns.variable(device + "/ParameterSet", "SpeedOverride", NodeIds.Double, "Speed fraction in force (0..1)");
    ns.folder(device, "Axes", "The robot's joints, base first");
    Instant t = r.time();
    for (int i = 0; i < r.axes().size(); i++) {
      String axis = device + "/Axes/Axis" + (i + 1);
      ns.object(device + "/Axes", "Axis" + (i + 1), "Joint " + (i + 1));
      ns.object(axis, "ParameterSet", "Axis parameters");
      ns.variable(axis + "/ParameterSet", "ActualPosition", NodeIds.Double, "Joint position (rad)");
      ns.variable(axis + "/ParameterSet", "ActualSpeed", NodeIds.Double, "Joint speed (rad/s)");
      ns.set(axis + "/ParameterSet/ActualPosition", r.axes().get(i).position(), t);
      ns.set(axis + "/ParameterSet/ActualSpeed", r.axes().get(i).speed(), t);
    }
    ns.set(device + "/Model", nullToEmpty(r.model()), t);
    ns.set(device + "/ParameterSet/SpeedOverride", r.speedOverride(), t);

    String controller = MDS + "/Controllers/" + r.robotId();
    ns.object(MDS + "/Controllers", r.robotId(), "Controller of robot " + r.robotId());
    ns.object(controller, "ParameterSet", "Controller parameters");
    stringVar(controller + "/ParameterSet", "DriverState", "CellPilot driver: UNCONFIGURED, INACTIVE, ACTIVE, FAULT",
        r.driverState(), t);
    stringVar(controller + "/ParameterSet", "RobotMode", "The robot's mode as it reports it", r.robotMode(), t);
    ns.variable(controller + "/ParameterSet", "ProgramRunning", NodeIds.Boolean, "A robot program is running");
    ns.set(controller + "/ParameterSet/ProgramRunning", r.programRunning(), t);

    String safety = MDS + "/SafetyStates/" + r.robotId();
    ns.object(MDS + "/SafetyStates", r.robotId(), INFORMATIONAL);
    ns.object(safety, "ParameterSet", INFORMATIONAL);
    String mode = nullToEmpty(r.safetyMode());
    stringVar(safety + "/ParameterSet", "SafetyMode", INFORMATIONAL, mode, t);
    boolVar(safety + "/ParameterSet", "EmergencyStop", INFORMATIONAL, mode.contains("EMERGENCY"), t);
    boolVar(safety + "/ParameterSet", "ProtectiveStop", INFORMATIONAL, mode.contains("PROTECTIVE"), t);
  }

  void inspection(InspectionSnapshot s) {
    Instant t = s.time();
    ns.set(INSPECTION + "/LastPartId", nullToEmpty(s.lastPartId()), t);
    ns.set(INSPECTION + "/LastVerdict", nullToEmpty(s.lastVerdict()), t);
    ns.set(INSPECTION + "/LastAction", nullToEmpty(s.lastAction()), t);
    ns.set(INSPECTION + "/ModelVersion", nullToEmpty(s.modelVersion()), t);
    ns.set(INSPECTION + "/LastScore", s.lastScore(), t);
    ns.set(INSPECTION + "/Inspected", count(s.inspected()), t);
    ns.set(INSPECTION + "/Good", count(s.good()), t);
    ns.set(INSPECTION + "/Rejected", count(s.rejected()), t);
    ns.set(INSPECTION + "/Review", count(s.review()), t);
  }

  void energy(EnergySnapshot e) {
    String meter = ENERGY + "/" + e.meter();
    ns.object(ENERGY, e.meter(), "Energy meter " + e.meter());
    doubleVar(meter, "ActivePower", "Active power (kW)", e.powerKw(), e.time());
    doubleVar(meter, "EnergyTotal", "Energy counter (kWh)", e.energyKwh(), e.time());
    doubleVar(meter, "EnergyPerPart", "Energy of the last part interval (Wh), NaN until known", e.energyPerPartWh(),
        e.time());
    doubleVar(meter, "Co2", "Carbon of EnergyTotal at the configured grid factor (kg)", e.co2Kg(), e.time());
  }

  void shift(ShiftEnergySnapshot s) {
    Instant t = s.time();
    ns.object(CELL, "Shift", "The running shift: energy, carbon (location- and market-based) and OEE");
    stringVar(SHIFT, "Id", "Shift id, <day>/<number> in the plant's time zone", s.shift(), t);
    doubleVar(SHIFT, "EnergyKwh", "Site energy in this shift (kWh)", s.energyKwh(), t);
    doubleVar(SHIFT, "IdleKwh", "Energy while the line stood (kWh): waste", s.idleKwh(), t);
    doubleVar(SHIFT, "Co2LocationKg", "CO2 at the grid's average factor (kg)", s.locationKg(), t);
    doubleVar(SHIFT, "Co2MarketKg", "CO2 after the plant's contracts (kg)", s.marketKg(), t);
    typed(SHIFT, "Parts", NodeIds.UInt32, "Parts that entered the line in this shift", count(s.parts()), t);
    typed(SHIFT, "GoodParts", NodeIds.UInt32, "Parts inspected good in this shift", count(s.goodParts()), t);
    doubleVar(SHIFT, "KwhPerGoodPart", "Energy per good part (kWh), NaN until known", s.kwhPerGoodPart(), t);
    doubleVar(SHIFT, "KgCo2PerGoodPart", "CO2 per good part, location-based (kg)", s.kgPerGoodPart(), t);
    doubleVar(SHIFT, "Availability", "OEE availability of this shift (0..1)", s.availability(), t);
    doubleVar(SHIFT, "Performance", "OEE performance of this shift (0..1)", s.performance(), t);
    doubleVar(SHIFT, "Quality", "OEE quality of this shift (0..1)", s.quality(), t);
    doubleVar(SHIFT, "Oee", "OEE of this shift (0..1)", s.oee(), t);
    boolVar(SHIFT, "IdleAlarm", "The stopped line draws more than the configured idle level", s.idleAlarm(), t);
  }

  void line(LineKpis k) {
    Instant t = k.time();
    ns.set(LINE + "/State", nullToEmpty(k.state()), t);
    ns.set(LINE + "/Availability", k.availability(), t);
    ns.set(LINE + "/Performance", k.performance(), t);
    ns.set(LINE + "/Quality", k.quality(), t);
    ns.set(LINE + "/Oee", k.oee(), t);
    ns.set(LINE + "/GoodParts", count(k.goodParts()), t);
    ns.set(LINE + "/TotalParts", count(k.totalParts()), t);
  }

  private void stringVar(String parent, String name, String description, String value, Instant t) {
    typed(parent, name, NodeIds.String, description, nullToEmpty(value), t);
  }

  private void boolVar(String parent, String name, String description, boolean value, Instant t) {
    typed(parent, name, NodeIds.Boolean, description, value, t);
  }

  private void doubleVar(String parent, String name, String description, double value, Instant t) {
    typed(parent, name, NodeIds.Double, description, value, t);
  }

  private void typed(String parent, String name, NodeId type, String description, Object value, Instant t) {
    ns.variable(parent, name, type, description);
    ns.set(parent + "/" + name, value, t);
  }

  private static UInteger count(long n) {
    return uint(Math.max(0, Math.min(n, UInteger.MAX_VALUE)));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
