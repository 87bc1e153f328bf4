package io.cellpilot.opcua.testserver;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * A small PLC-like namespace for the gateway's tests: variables of several types under {@code Objects/Plant}, one
 * read-only, an {@code Add(a, b)} method and a {@code Fail()} method that answers Bad_InvalidState.
 */
final class TestPlcNamespace extends ManagedNamespaceWithLifecycle {
  static final String URI = "urn:cellpilot:test:plc";

  private final SubscriptionModel subscriptionModel;
  private final Map<String, UaVariableNode> variables = new ConcurrentHashMap<>();
  private final Map<String, Object> initial;
  private final int bulkCount;

  TestPlcNamespace(OpcUaServer server, Map<String, Object> initial, int bulkCount) {
    super(server, URI);
    this.initial = initial;
    this.bulkCount = bulkCount;
    this.subscriptionModel = new SubscriptionModel(server, this);
    getLifecycleManager().addLifecycle(subscriptionModel);
    getLifecycleManager().addStartupTask(this::addNodes);
  }

  void set(String name, Object value) {
    UaVariableNode node = variables.get(name);
    if (node == null) {
      throw new IllegalArgumentException("no variable " + name);
    }
    node.setValue(new DataValue(new Variant(value)));
  }

  private void addNodes() {
    UaFolderNode plant = new UaFolderNode(getNodeContext(), newNodeId("Plant"), newQualifiedName("Plant"),
        LocalizedText.english("Plant"));
    getNodeManager().addNode(plant);
    plant.addReference(new Reference(plant.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
        false));
    variable(plant, "Counter", NodeIds.Int32, true);
    variable(plant, "Temperature", NodeIds.Double, true);
    variable(plant, "Running", NodeIds.Boolean, true);
    variable(plant, "Name", NodeIds.String, true);
    variable(plant, "Raw", NodeIds.Int32, true);
    variable(plant, "Setpoint", NodeIds.Int32, true);
    variable(plant, "Total", NodeIds.UInt32, false);
    UaFolderNode bulk = new UaFolderNode(getNodeContext(), newNodeId("Plant/Bulk"), newQualifiedName("Bulk"),
        LocalizedText.english("Bulk"));
    getNodeManager().addNode(bulk);
    plant.addOrganizes(bulk);
    for (int i = 0; i < bulkCount; i++) {
      variable(bulk, "Bulk/V" + i, NodeIds.Double, false);
    }
    method(plant, "Add(a,b)", new Argument[] {intArg("a"), intArg("b")}, new Argument[] {intArg("sum")},
        in -> new Variant[] {new Variant((Integer) in[0].value() + (Integer) in[1].value())});
    method(plant, "Fail()", new Argument[0], new Argument[0], in -> {
      throw new UaException(StatusCodes.Bad_InvalidState, "Fail() always fails");
    });
  }

  private void variable(UaFolderNode folder, String name, NodeId type, boolean writable) {
    String browseName = name.substring(name.lastIndexOf('/') + 1);
    UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
        .setNodeId(newNodeId("Plant/" + name))
        .setAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
        .setUserAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
        .setBrowseName(newQualifiedName(browseName))
        .setDisplayName(LocalizedText.english(browseName))
        .setDataType(type)
        .setTypeDefinition(NodeIds.BaseDataVariableType)
        .build();
    Object value = initial.getOrDefault(name, defaultFor(type));
    node.setValue(new DataValue(new Variant(value)));
    getNodeManager().addNode(node);
    folder.addOrganizes(node);
    variables.put(name, node);
  }

  private static Object defaultFor(NodeId type) {
    if (type.equals(NodeIds.Int32)) {
      return 0;
    }
    if (type.equals(NodeIds.Double)) {
      return 0.0;
    }
    if (type.equals(NodeIds.Boolean)) {
      return false;
    }
    if (type.equals(NodeIds.UInt32)) {
      return Unsigned.uint(0);
    }
    return "";
  }

  interface Body {
    Variant[] run(Variant[] inputs) throws UaException;
  }

  private void method(UaFolderNode folder, String name, Argument[] in, Argument[] out, Body body) {
    UaMethodNode node = UaMethodNode.builder(getNodeContext())
        .setNodeId(newNodeId("Plant/" + name))
        .setBrowseName(newQualifiedName(name))
        .setDisplayName(LocalizedText.english(name))
        .build();
    node.setInputArguments(in);
    node.setOutputArguments(out);
    node.setInvocationHandler(new AbstractMethodInvocationHandler(node) {
      @Override
      public Argument[] getInputArguments() {
        return in;
      }

      @Override
      public Argument[] getOutputArguments() {
        return out;
      }

      @Override
      protected Variant[] invoke(InvocationContext context, Variant[] inputs) throws UaException {
        return body.run(inputs);
      }
    });
    getNodeManager().addNode(node);
    node.addReference(new Reference(node.getNodeId(), NodeIds.HasComponent, folder.getNodeId().expanded(), false));
  }

  private static Argument intArg(String name) {
    return new Argument(name, NodeIds.Int32, ValueRanks.Scalar, null, LocalizedText.english(name));
  }

  @Override
  public void onDataItemsCreated(List<DataItem> dataItems) {
    subscriptionModel.onDataItemsCreated(dataItems);
  }

  @Override
  public void onDataItemsModified(List<DataItem> dataItems) {
    subscriptionModel.onDataItemsModified(dataItems);
  }

  @Override
  public void onDataItemsDeleted(List<DataItem> dataItems) {
    subscriptionModel.onDataItemsDeleted(dataItems);
  }

  @Override
  public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
    subscriptionModel.onMonitoringModeChanged(monitoredItems);
  }
}
