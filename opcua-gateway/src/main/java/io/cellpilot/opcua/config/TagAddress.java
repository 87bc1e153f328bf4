package io.cellpilot.opcua.config;

import java.util.List;

/** Where a tag lives on the server: a node id, or a browse path resolved after each connect. */
public sealed interface TagAddress permits TagAddress.ByNodeId, TagAddress.ByBrowsePath {

  /**
   * A node id in OPC UA text form (OPC 10000-6 §5.3.1.10): {@code nsu=urn:cellpilot:sim:plc;s=Line1/State} (preferred:
   * the namespace index is resolved from the URI on every connect) or {@code ns=2;s=Line1/State}.
   */
  record ByNodeId(String nodeId) implements TagAddress {
    @Override
    public String toString() {
      return nodeId;
    }
  }

  /**
   * Browse names from the Objects folder down, each in namespace {@code namespaceUri} (translated with
   * TranslateBrowsePathsToNodeIds, OPC 10000-4 §5.8.4).
   */
  record ByBrowsePath(List<String> names, String namespaceUri) implements TagAddress {
    public ByBrowsePath {
      names = List.copyOf(names);
    }

    @Override
    public String toString() {
      return "Objects/" + String.join("/", names) + " in " + namespaceUri;
    }
  }
}
