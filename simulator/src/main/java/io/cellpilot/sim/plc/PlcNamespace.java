package io.cellpilot.sim.plc;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.cellpilot.sim.config.LineConfig;
import io.cellpilot.sim.line.Outcome;
import io.cellpilot.sim.machines.MachineId;
import io.cellpilot.sim.machines.MeterReading;
import io.cellpilot.sim.model.CellSnapshot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * The PLC's address space, namespace {@value #URI}: folder-shaped string node ids under {@code Objects/Line1}
 * exactly as docs/wire-contracts.md lists them. {@link #update} copies a {@link CellSnapshot} into the variables,
 * touching only values that changed, with the simulated time as source timestamp.
 */
final class PlcNamespace extends ManagedNamespaceWithLifecycle {

  /** The PLC's namespace URI (docs/wire-contracts.md). */
  static final String URI = "urn:cellpilot:sim:plc";

  private final SubscriptionModel subscriptions;
  private final PlcControl control;
  private final Map<String, UaVariableNode> variables = new HashMap<>();
  private final Map<String, Object> current = new HashMap<>();

  PlcNamespace(OpcUaServer server, PlcControl control, CellSnapshot initial) {
    super(server, URI);
    this.control = control;
    this.subscriptions = new SubscriptionModel(server, this);
    getLifecycleManager().addLifecycle(subscriptions);
    getLifecycleManager().addStartupTask(() -> {
      build();
      if (initial != null) {
        update(initial);
      }
    });
  }

  private void build() {
    UaFolderNode line = folder("Line1");
    line.addReference(new Reference(line.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
    variable(line, "Line1/State", NodeIds.Int32, 0, "0 = stopped, 1 = running, 2 = faulted");
    variable(line, "Line1/StateText", NodeIds.String, "STOPPED", "STOPPED, RUNNING or FAULTED");
    variable(line, "Line1/FaultText", NodeIds.String, "", "why the line faulted, empty otherwise");
    method(line, "Line1/Start", List.of(), v -> control.start(), "stopped -> running");
    method(line, "Line1/Stop", List.of(), v -> control.stop(), "any -> stopped");
    method(line, "Line1/Reset", List.of(), v -> control.reset(), "faulted -> stopped");

    UaFolderNode conveyor = folder("Line1/Conveyor");
    line.addOrganizes(conveyor);
    variable(conveyor, "Line1/Conveyor/Running", NodeIds.Boolean, false, "belt moving");
    UaVariableNode setpoint = variable(conveyor, "Line1/Conveyor/SpeedSetpoint", NodeIds.Double, 0.0,
        "belt speed setpoint, m/s, " + LineConfig.MIN_SPEED + " .. " + LineConfig.MAX_SPEED);
    setpoint.setAccessLevel(AccessLevel.toValue(AccessLevel.READ_WRITE));
    setpoint.getFilterChain().addLast(new SetpointFilter(LineConfig.MIN_SPEED, LineConfig.MAX_SPEED,
        control::setSpeedSetpoint));
    variable(conveyor, "Line1/Conveyor/Speed", NodeIds.Double, 0.0, "actual belt speed, m/s");
    variable(conveyor, "Line1/Conveyor/PartAtInspection", NodeIds.Boolean, false, "a part stands under the camera");
    variable(conveyor, "Line1/Conveyor/PartId", NodeIds.String, "", "id of the last part under the camera");
    variable(conveyor, "Line1/Conveyor/PartAtPick", NodeIds.Boolean, false, "a part stands at the pick position");
    variable(conveyor, "Line1/Conveyor/PickPartId", NodeIds.String, "", "id of the last part at the pick position");
    variable(conveyor, "Line1/Conveyor/PartCount", NodeIds.UInt32, uint(0), "parts that entered since start");

    UaFolderNode pick = folder("Line1/Pick");
    line.addOrganizes(pick);
    Argument partId = new Argument("partId", NodeIds.String, ValueRanks.Scalar, null,
        LocalizedText.english("id of the part to hold at the pick position"));
    method(pick, "Line1/Pick/RequestStop", List.of(partId), v -> control.requestStop((String) v[0].value()),
        "hold this part at the pick position");
    variable(pick, "Line1/Pick/Holding", NodeIds.Boolean, false, "the belt is held with a requested part at the pick");
    variable(pick, "Line1/Pick/HeldPartId", NodeIds.String, "", "the part being held");
    method(pick, "Line1/Pick/Release", List.of(), v -> control.release(), "the robot is done: the belt moves on");

    UaFolderNode stations = folder("Line1/Stations");
    line.addOrganizes(stations);
    for (String station : List.of("Inspection", "Press")) {
      UaFolderNode s = folder("Line1/Stations/" + station);
      stations.addOrganizes(s);
      variable(s, "Line1/Stations/" + station + "/Temperature", NodeIds.Double, 0.0, "station temperature, degC");
    }

    UaFolderNode safety = folder("Line1/Safety");
    line.addOrganizes(safety);
    variable(safety, "Line1/Safety/ZoneOccupied", NodeIds.Boolean, false, "the zone sensor sees a person near the robot");
    variable(safety, "Line1/Safety/PersonDistance", NodeIds.Double, 10.0, "nearest person to the robot, m (10 = nobody)");

    UaFolderNode machines = folder("Line1/Machines");
    line.addOrganizes(machines);
    for (MachineId m : MachineId.values()) {
      String base = "Line1/Machines/" + m.plcName();
      UaFolderNode mf = folder(base);
      machines.addOrganizes(mf);
      variable(mf, base + "/State", NodeIds.String, "IDLE", "IDLE, ACCELERATING, RUNNING or FAULTED");
      meterVariables(mf, base + "/Power");
    }
    UaFolderNode main = folder("Line1/MainMeter");
    line.addOrganizes(main);
    meterVariables(main, "Line1/MainMeter");
  }

  private void meterVariables(UaFolderNode parent, String base) {
    UaFolderNode folder = parent;
    if (!base.equals(parent.getNodeId().getIdentifier())) {
      folder = folder(base);
      parent.addOrganizes(folder);
    }
    variable(folder, base + "/ActivePower", NodeIds.Double, 0.0, "active power, kW");
    variable(folder, base + "/EnergyTotal", NodeIds.Double, 0.0, "energy counter, kWh (monotonic)");
    variable(folder, base + "/Voltage", NodeIds.Double, 0.0, "line-to-line voltage, V");
    variable(folder, base + "/Current", NodeIds.Double, 0.0, "line current, A");
  }

  /** Copies the snapshot into the variables; only changed values produce data changes. */
  void update(CellSnapshot s) {
    DateTime source = new DateTime(s.time());
    set("Line1/State", s.state().code(), source);
    set("Line1/StateText", s.state().name(), source);
    set("Line1/FaultText", s.faultText(), source);
    set("Line1/Conveyor/Running", s.conveyorRunning(), source);
    set("Line1/Conveyor/SpeedSetpoint", s.speedSetpoint(), source);
    set("Line1/Conveyor/Speed", round(s.speed(), 4), source);
    set("Line1/Conveyor/PartAtInspection", s.partAtInspection(), source);
    set("Line1/Conveyor/PartId", s.partId(), source);
    set("Line1/Conveyor/PartAtPick", s.partAtPick(), source);
    set("Line1/Conveyor/PickPartId", s.pickPartId(), source);
    set("Line1/Conveyor/PartCount", uint(s.partCount()), source);
    set("Line1/Pick/Holding", s.holding(), source);
    set("Line1/Pick/HeldPartId", s.heldPartId(), source);
    set("Line1/Stations/Inspection/Temperature", round(s.inspectionTemperature(), 2), source);
    set("Line1/Stations/Press/Temperature", round(s.pressTemperature(), 2), source);
    set("Line1/Safety/ZoneOccupied", s.zoneOccupied(), source);
    set("Line1/Safety/PersonDistance", round(s.personDistance(), 3), source);
    s.machines().forEach((m, state) -> {
      String base = "Line1/Machines/" + m.plcName();
      set(base + "/State", state.state().name(), source);
      meter(base + "/Power", state.meter(), source);
    });
    meter("Line1/MainMeter", s.mainMeter(), source);
  }

  private void meter(String base, MeterReading r, DateTime source) {
    set(base + "/ActivePower", round(r.activePowerKw(), 3), source);
    set(base + "/EnergyTotal", round(r.energyKwh(), 6), source);
    set(base + "/Voltage", round(r.voltageV(), 1), source);
    set(base + "/Current", round(r.currentA(), 3), source);
  }

  private void set(String id, Object value, DateTime source) {
    if (Objects.equals(current.get(id), value)) {
      return;
    }
    current.put(id, value);
    variables.get(id).setValue(new DataValue(new Variant(value), StatusCode.GOOD, source, DateTime.now()));
  }

  /** Meters show a sensible resolution; it also keeps noise-only changes from flooding subscriptions. */
  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  private UaFolderNode folder(String id) {
    String name = id.substring(id.lastIndexOf('/') + 1);
    UaFolderNode f = new UaFolderNode(getNodeContext(), newNodeId(id), newQualifiedName(name),
        LocalizedText.english(name));
    getNodeManager().addNode(f);
    return f;
  }

  private UaVariableNode variable(UaFolderNode parent, String id, NodeId type, Object initial, String description) {
    String name = id.substring(id.lastIndexOf('/') + 1);
    UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
        .setNodeId(newNodeId(id))
        .setAccessLevel(AccessLevel.READ_ONLY)
        // This PLC has no per-user restrictions, so UserAccessLevel grants everything and AccessLevel alone decides:
        // a write to a read-only variable gets Bad_NotWritable ("the access level does not allow writing to the
        // Node", OPC UA Part 4, Write), not Bad_UserAccessDenied, which Milo returns when UserAccessLevel refuses.
        .setUserAccessLevel(AccessLevel.READ_WRITE)
        .setBrowseName(newQualifiedName(name))
        .setDisplayName(LocalizedText.english(name))
        .setDescription(LocalizedText.english(description))
        .setDataType(type)
        .setTypeDefinition(NodeIds.BaseDataVariableType)
        .build();
    node.setValue(new DataValue(new Variant(initial)));
    getNodeManager().addNode(node);
    parent.addOrganizes(node);
    variables.put(id, node);
    current.put(id, initial);
    return node;
  }

  private void method(UaFolderNode parent, String id, List<Argument> inputs, Function<Variant[], Outcome> action,
      String description) {
    String name = id.substring(id.lastIndexOf('/') + 1);
    UaMethodNode node = UaMethodNode.builder(getNodeContext())
        .setNodeId(newNodeId(id))
        .setBrowseName(newQualifiedName(name))
        .setDisplayName(LocalizedText.english(name))
        .setDescription(LocalizedText.english(description))
        .build();
    LineMethod handler = new LineMethod(node, inputs.toArray(new Argument[0]), action);
    node.setInputArguments(handler.getInputArguments());
    node.setOutputArguments(handler.getOutputArguments());
    node.setInvocationHandler(handler);
    getNodeManager().addNode(node);
    parent.addComponent(node);
  }

  @Override
  public void onDataItemsCreated(List<DataItem> dataItems) {
    subscriptions.onDataItemsCreated(dataItems);
  }

  @Override
  public void onDataItemsModified(List<DataItem> dataItems) {
    subscriptions.onDataItemsModified(dataItems);
  }

  @Override
  public void onDataItemsDeleted(List<DataItem> dataItems) {
    subscriptions.onDataItemsDeleted(dataItems);
  }

  @Override
  public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
    subscriptions.onMonitoringModeChanged(monitoredItems);
  }
}
