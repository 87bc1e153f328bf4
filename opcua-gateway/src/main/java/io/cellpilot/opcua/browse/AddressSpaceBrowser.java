package io.cellpilot.opcua.browse;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.BrowseHelper;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/**
 * Walks a server's address space below the Objects folder (hierarchical references, OPC 10000-4 §5.9.2) and lists its
 * variables and methods with their namespace URIs, so that integrators can paste them into tag configuration.
 * Namespace 0 (the Server object) is skipped: it is the server's, not the machine's.
 */
public final class AddressSpaceBrowser {
  private final OpcUaClient client;
  private final int maxDepth;
  private final int maxNodes;

  public AddressSpaceBrowser(OpcUaClient client, int maxDepth, int maxNodes) {
    this.client = client;
    this.maxDepth = maxDepth;
    this.maxNodes = maxNodes;
  }

  /** One node found, with its path of browse names from the Objects folder. */
  public record Entry(List<String> path, String nodeId, String namespaceUri, NodeClass nodeClass, String dataType,
                      boolean writable) {}

  /** Browses depth-first; stops quietly at {@code maxDepth} levels or {@code maxNodes} entries. */
  public List<Entry> browse() throws Exception {
    NamespaceTable table = client.readNamespaceTable();
    List<Entry> entries = new ArrayList<>();
    walk(NodeIds.ObjectsFolder, new ArrayList<>(), 0, table, entries, new HashSet<>());
    describeVariables(entries, table);
    return entries;
  }

  private void walk(NodeId node, List<String> path, int depth, NamespaceTable table, List<Entry> out,
      Set<NodeId> seen) throws Exception {
    if (depth >= maxDepth || out.size() >= maxNodes || !seen.add(node)) {
      return;
    }
    BrowseDescription description = new BrowseDescription(node, BrowseDirection.Forward,
        NodeIds.HierarchicalReferences, true,
        uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue() | NodeClass.Method.getValue()),
        uint(BrowseResultMask.All.getValue()));
    List<ReferenceDescription> refs = BrowseHelper.browse(client, description, uint(1000)).get(30, TimeUnit.SECONDS);
    for (ReferenceDescription ref : refs) {
      NodeId child = ref.getNodeId().toNodeId(table).orElse(null);
      if (child == null || child.getNamespaceIndex().intValue() == 0 || out.size() >= maxNodes) {
        continue;
      }
      QualifiedName browseName = ref.getBrowseName();
      List<String> childPath = new ArrayList<>(path);
      childPath.add(browseName.name());
      String uri = table.get(child.getNamespaceIndex());
      out.add(new Entry(childPath, child.toParseableString().replaceFirst("^ns=\\d+;", "nsu=" + uri + ";"), uri,
          ref.getNodeClass(), "", false));
      if (ref.getNodeClass() == NodeClass.Object || ref.getNodeClass() == NodeClass.Variable) {
        walk(child, childPath, depth + 1, table, out, seen);
      }
    }
  }

  private void describeVariables(List<Entry> entries, NamespaceTable table) throws Exception {
    List<Integer> idx = new ArrayList<>();
    List<ReadValueId> reads = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).nodeClass() == NodeClass.Variable) {
        NodeId id = org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId.parse(entries.get(i).nodeId())
            .toNodeId(table).orElseThrow();
        idx.add(i);
        reads.add(new ReadValueId(id, AttributeId.DataType.uid(), null, QualifiedName.NULL_VALUE));
        reads.add(new ReadValueId(id, AttributeId.UserAccessLevel.uid(), null, QualifiedName.NULL_VALUE));
      }
    }
    for (int from = 0; from < reads.size(); from += 1000) {
      List<ReadValueId> chunk = reads.subList(from, Math.min(reads.size(), from + 1000));
      DataValue[] values = client.readAsync(0.0, TimestampsToReturn.Neither, chunk).get(30, TimeUnit.SECONDS)
          .getResults();
      for (int k = 0; k < values.length; k += 2) {
        int i = idx.get((from + k) / 2);
        Entry e = entries.get(i);
        String type = values[k].value().value() instanceof NodeId t ? DataTypes.name(t) : "?";
        boolean writable = values[k + 1].value().value() instanceof Number n && (n.intValue() & 0x02) != 0;
        entries.set(i, new Entry(e.path(), e.nodeId(), e.namespaceUri(), e.nodeClass(), type, writable));
      }
    }
  }
}
