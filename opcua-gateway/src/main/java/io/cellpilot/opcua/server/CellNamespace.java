package io.cellpilot.opcua.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * The generic part of the cell's address space: folders, objects and read-only variables addressed by folder-like
 * string ids ({@code Cell/Line/Oee}), created on first use and thread-safe. {@link CellAddressSpace} decides what
 * goes where.
 */
final class CellNamespace extends ManagedNamespaceWithLifecycle {
  static final String URI = "urn:cellpilot:cell";

  private final SubscriptionModel subscriptionModel;
  private final Map<String, UaNode> nodes = new ConcurrentHashMap<>();

  CellNamespace(OpcUaServer server) {
    super(server, URI);
    subscriptionModel = new SubscriptionModel(server, this);
    getLifecycleManager().addLifecycle(subscriptionModel);
  }

  /** A folder below the Objects folder (parent null) or below another folder or object. */
  synchronized UaNode folder(String parentPath, String name, String description) {
    String path = join(parentPath, name);
    return nodes.computeIfAbsent(path, p -> {
      UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(p), newQualifiedName(name),
          LocalizedText.english(name));
      folder.setDescription(LocalizedText.english(description));
      attach(folder, parentPath, NodeIds.Organizes);
      return folder;
    });
  }

  /** An object (a component of its parent, as OPC 40010 models devices and their parameter sets). */
  synchronized UaNode object(String parentPath, String name, String description) {
    String path = join(parentPath, name);
    return nodes.computeIfAbsent(path, p -> {
      UaObjectNode object = UaObjectNode.builder(getNodeContext())
          .setNodeId(newNodeId(p))
          .setBrowseName(newQualifiedName(name))
          .setDisplayName(LocalizedText.english(name))
          .setDescription(LocalizedText.english(description))
          .setTypeDefinition(NodeIds.BaseObjectType)
          .build();
      attach(object, parentPath, NodeIds.HasComponent);
      return object;
    });
  }

  /** A read-only variable that reads Bad_WaitingForInitialData until the controller feeds it. */
  synchronized void variable(String parentPath, String name, NodeId dataType, String description) {
    String path = join(parentPath, name);
    nodes.computeIfAbsent(path, p -> {
      UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
          .setNodeId(newNodeId(p))
          .setAccessLevel(AccessLevel.READ_ONLY)
          .setUserAccessLevel(AccessLevel.READ_ONLY)
          .setBrowseName(newQualifiedName(name))
          .setDisplayName(LocalizedText.english(name))
          .setDescription(LocalizedText.english(description))
          .setDataType(dataType)
          .setTypeDefinition(NodeIds.BaseDataVariableType)
          .build();
      node.setValue(new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_WaitingForInitialData),
          DateTime.now()));
      attach(node, parentPath, NodeIds.HasComponent);
      return node;
    });
  }

  /** Sets a variable created before; the source time is when it happened in the cell. */
  void set(String path, Object value, Instant time) {
    UaNode node = nodes.get(path);
    if (!(node instanceof UaVariableNode variable)) {
      throw new IllegalArgumentException("no variable " + path + " in " + URI);
    }
    DateTime source = new DateTime(time == null ? Instant.now() : time);
    variable.setValue(new DataValue(new Variant(value), StatusCode.GOOD, source, DateTime.now()));
  }

  private void attach(UaNode node, String parentPath, NodeId referenceType) {
    getNodeManager().addNode(node);
    if (parentPath == null) {
      node.addReference(new Reference(node.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
          false));
    } else {
      node.addReference(new Reference(node.getNodeId(), referenceType, newNodeId(parentPath).expanded(), false));
    }
  }

  static String join(String parent, String name) {
    return parent == null ? name : parent + "/" + name;
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
