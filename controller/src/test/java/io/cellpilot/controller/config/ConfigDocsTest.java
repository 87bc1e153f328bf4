package io.cellpilot.controller.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

  @Test
  void everyKeyOfTheSchemaIsDocumentedInTheControllerDocs() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "controller.md"));
    List<String> missing = ConfigSchema.keys().stream()
        .map(ConfigKey::pattern)
        .filter(p -> !docs.contains("`" + p + "`"))
        .toList();
    assertEquals(List.of(), missing, "add these keys to docs/controller.md");
  }
}
