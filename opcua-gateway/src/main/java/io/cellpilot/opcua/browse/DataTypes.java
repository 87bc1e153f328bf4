package io.cellpilot.opcua.browse;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/** Names of the standard data types (namespace 0) for humans reading a browse listing. */
final class DataTypes {
  private static final Map<NodeId, String> NAMES = new HashMap<>();

  static {
    for (String name : new String[] {"Boolean", "SByte", "Byte", "Int16", "UInt16", "Int32", "UInt32", "Int64",
        "UInt64", "Float", "Double", "String", "DateTime", "Guid", "ByteString", "LocalizedText", "NodeId",
        "StatusCode", "QualifiedName", "Structure", "BaseDataType", "Number", "Integer", "UInteger", "Enumeration"}) {
      try {
        Field f = NodeIds.class.getField(name);
        NAMES.put((NodeId) f.get(null), name);
      } catch (ReflectiveOperationException e) {
        // not every name exists in every Milo version; the node id is shown instead
      }
    }
  }

  private DataTypes() {}

  static String name(NodeId id) {
    return NAMES.getOrDefault(id, id.toParseableString());
  }
}
