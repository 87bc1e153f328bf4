package io.cellpilot.opcua.client;

import io.cellpilot.opcua.config.TagAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePath;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePathResult;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePath;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePathElement;

/**
 * Turns configured tag addresses into node ids of the current session. Runs after every new session, because a PLC
 * that restarted may have renumbered its namespaces (only namespace URIs are stable, OPC 10000-3 §8.2.2).
 */
final class NodeResolver {
  private NodeResolver() {}

  /** Resolves every tag; a tag that cannot be resolved gets a bad NOT_FOUND value and no node id. */
  static CompletableFuture<Void> resolve(OpcUaClient client, List<TagState> tags) {
    return client.readNamespaceTableAsync().thenCompose(table -> {
      List<TagState> byPath = new ArrayList<>();
      List<BrowsePath> paths = new ArrayList<>();
      for (TagState tag : tags) {
        if (tag.config.address() instanceof TagAddress.ByNodeId byId) {
          resolveNodeId(tag, byId, table);
        } else if (tag.config.address() instanceof TagAddress.ByBrowsePath path) {
          Optional<BrowsePath> browsePath = toBrowsePath(path, table);
          if (browsePath.isPresent()) {
            byPath.add(tag);
            paths.add(browsePath.get());
          } else {
            notFound(tag, "namespace " + path.namespaceUri() + " is not on the server");
          }
        }
      }
      if (paths.isEmpty()) {
        return CompletableFuture.completedFuture(null);
      }
      return client.translateBrowsePathsAsync(paths).thenAccept(response -> {
        BrowsePathResult[] results = response.getResults();
        for (int i = 0; i < byPath.size(); i++) {
          applyPathResult(byPath.get(i), results[i], table);
        }
      });
    });
  }

  private static void resolveNodeId(TagState tag, TagAddress.ByNodeId byId, NamespaceTable table) {
    ExpandedNodeId expanded = ExpandedNodeId.parse(byId.nodeId());
    Optional<NodeId> nodeId = expanded.toNodeId(table);
    if (nodeId.isPresent()) {
      tag.resolved(nodeId.get());
    } else {
      notFound(tag, "namespace " + expanded.getNamespaceUri() + " of " + byId.nodeId() + " is not on the server");
    }
  }

  private static Optional<BrowsePath> toBrowsePath(TagAddress.ByBrowsePath path, NamespaceTable table) {
    Integer index = table.getIndex(path.namespaceUri()) == null ? null : table.getIndex(path.namespaceUri()).intValue();
    if (index == null) {
      return Optional.empty();
    }
    RelativePathElement[] elements = path.names().stream()
        .map(name -> new RelativePathElement(NodeIds.HierarchicalReferences, false, true,
            new QualifiedName(index, name)))
        .toArray(RelativePathElement[]::new);
    return Optional.of(new BrowsePath(NodeIds.ObjectsFolder, new RelativePath(elements)));
  }

  private static void applyPathResult(TagState tag, BrowsePathResult result, NamespaceTable table) {
    if (result.getStatusCode().isGood() && result.getTargets() != null && result.getTargets().length > 0) {
      Optional<NodeId> nodeId = result.getTargets()[0].getTargetId().toNodeId(table);
      if (nodeId.isPresent()) {
        tag.resolved(nodeId.get());
        return;
      }
    }
    tag.resolved(null);
    tag.fail(Quality.bad(Quality.Reason.NOT_FOUND, StatusCodes.Bad_NoMatch,
        "browse path " + tag.config.address() + " not found (" + result.getStatusCode() + ")"));
  }

  private static void notFound(TagState tag, String why) {
    tag.resolved(null);
    tag.fail(Quality.bad(Quality.Reason.NOT_FOUND, StatusCodes.Bad_NodeIdUnknown, why));
  }
}
