package io.cellpilot.opcua.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilters;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * {@code count} Double variables {@code Bench/V<i>} whose value is a per-variable sequence number that grows on every
 * read: each sample of a monitored item is a new value, so a client that sees a gap in the sequence lost a
 * notification.
 */
public final class BenchNamespace extends ManagedNamespaceWithLifecycle {
  public static final String URI = "urn:cellpilot:bench";

  private final SubscriptionModel subscriptionModel;
  private final AtomicLongArray sequence;

  public BenchNamespace(OpcUaServer server, int count) {
    super(server, URI);
    this.sequence = new AtomicLongArray(count);
    this.subscriptionModel = new SubscriptionModel(server, this);
    getLifecycleManager().addLifecycle(subscriptionModel);
    getLifecycleManager().addStartupTask(this::addNodes);
  }

  private void addNodes() {
    UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId("Bench"), newQualifiedName("Bench"),
        LocalizedText.english("Bench"));
    getNodeManager().addNode(folder);
    folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(),
        false));
    for (int i = 0; i < sequence.length(); i++) {
      int index = i;
      UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
          .setNodeId(newNodeId("Bench/V" + i))
          .setAccessLevel(AccessLevel.READ_ONLY)
          .setUserAccessLevel(AccessLevel.READ_ONLY)
          .setBrowseName(newQualifiedName("V" + i))
          .setDisplayName(LocalizedText.english("V" + i))
          .setDataType(NodeIds.Double)
          .setTypeDefinition(NodeIds.BaseDataVariableType)
          .build();
      node.getFilterChain().addLast(AttributeFilters.getValue(ctx -> new DataValue(
          new Variant((double) sequence.incrementAndGet(index)), StatusCode.GOOD, DateTime.now(), DateTime.now())));
      getNodeManager().addNode(node);
      folder.addOrganizes(node);
    }
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
