package io.cellpilot.opcua.browse;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;

/**
 * Writes browse results as YAML that pastes under {@code cellpilot.plcs.<id>.tags}: one tag per variable, named from
 * its browse path, addressed by namespace URI (never by index, which a PLC may renumber). Methods are listed as
 * comments with their object, ready for a method call.
 */
public final class TagYaml {
  private TagYaml() {}

  public static String write(String endpoint, List<AddressSpaceBrowser.Entry> entries) {
    StringBuilder out = new StringBuilder();
    out.append("# Browsed from ").append(endpoint).append(" at ").append(Instant.now()).append(" by `cellpilot browse`.\n");
    out.append("# Paste the tags you need under cellpilot.plcs.<id>.tags; set sampling-interval, deadband and\n");
    out.append("# scaling as the signal needs (see docs/opcua-gateway.md).\n");
    Map<String, String> idByPath = new HashMap<>();
    entries.forEach(e -> idByPath.put(String.join("/", e.path()), e.nodeId()));
    List<AddressSpaceBrowser.Entry> methods = entries.stream().filter(e -> e.nodeClass() == NodeClass.Method)
        .toList();
    if (!methods.isEmpty()) {
      out.append("#\n# Methods (object id, method id):\n");
      for (AddressSpaceBrowser.Entry m : methods) {
        String parent = String.join("/", m.path().subList(0, m.path().size() - 1));
        out.append("#   ").append(idByPath.getOrDefault(parent, "?")).append("  ").append(m.nodeId()).append('\n');
      }
    }
    out.append("tags:\n");
    Set<String> used = new HashSet<>();
    for (AddressSpaceBrowser.Entry e : entries) {
      if (e.nodeClass() != NodeClass.Variable) {
        continue;
      }
      String name = uniqueName(e.path(), used);
      out.append("  ").append(name).append(":\n");
      out.append("    node-id: ").append(quote(e.nodeId())).append("  # ").append(e.dataType())
          .append(e.writable() ? ", read/write" : ", read-only").append(", Objects/")
          .append(String.join("/", e.path())).append('\n');
    }
    return out.toString();
  }

  static String uniqueName(List<String> path, Set<String> used) {
    String base = String.join("-", path).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-")
        .replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
    if (base.isEmpty()) {
      base = "tag";
    }
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
