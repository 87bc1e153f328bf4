package io.cellpilot.sim.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Parses YAML into a tree; a key given twice is an error (the second would silently win otherwise). */
public final class Yaml {

  private static final ObjectMapper MAPPER =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private Yaml() {}

  /** The document's tree; a syntax error names its line and column. */
  public static JsonNode read(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null ? MAPPER.missingNode() : node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw Check.invalid("not valid YAML" + where + ": " + e.getOriginalMessage());
    }
  }
}
