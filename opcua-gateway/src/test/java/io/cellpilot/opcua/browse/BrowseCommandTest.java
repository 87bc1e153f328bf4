package io.cellpilot.opcua.browse;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.cli.BrowseCommand;
import io.cellpilot.opcua.client.OpcUaPlcClient;
import io.cellpilot.opcua.client.TagValue;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.testserver.TestPlcServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** `cellpilot browse` output is valid YAML whose tags, pasted into a PLC's configuration, all read good. */
class BrowseCommandTest {
  @TempDir
  Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void browsedTagsPasteIntoConfigurationAndReadGood() throws Exception {
    try (TestPlcServer plc = TestPlcServer.start(dir.resolve("plc-pki"))) {
      Path out = dir.resolve("tags.yml");
      StringWriter err = new StringWriter();
      int code = new CommandLine(new BrowseCommand()).setErr(new PrintWriter(err)).setOut(new PrintWriter(
          new StringWriter())).execute("--endpoint", plc.endpoint(), "--security-policy", "None",
          "--security-mode", "None", "--pki-dir", dir.resolve("pki").toString(), "--out", out.toString());
      assertEquals(0, code, err.toString());
      String yaml = Files.readString(out);
      assertTrue(yaml.contains("Add(a,b)"), "methods are listed: " + yaml);
      Map<String, Map<String, String>> tags = (Map<String, Map<String, String>>) new Yaml()
          .<Map<String, Object>>load(yaml).get("tags");
      assertTrue(tags.containsKey("plant-counter"), tags.keySet().toString());
      assertEquals("nsu=" + TestPlcServer.NAMESPACE + ";s=Plant/Counter", tags.get("plant-counter").get("node-id"));

      PlcConfig.Builder config = PlcConfig.builder("pasted").endpoint(plc.endpoint()).noSecurity()
          .pkiDir(dir.resolve("pki"));
      tags.forEach((name, entry) -> config.tag(TagConfig.builder(name).nodeId(entry.get("node-id"))));
      try (OpcUaPlcClient client = new OpcUaPlcClient(config.build())) {
        client.start();
        await().atMost(20, SECONDS).until(() -> client.snapshot().values().stream().allMatch(TagValue::isGood));
        assertEquals(tags.size(), client.snapshot().size());
      }
    }
  }

  @Test
  void anUnreachableServerIsReportedWithoutAStackTrace() {
    StringWriter err = new StringWriter();
    int code = new CommandLine(new BrowseCommand()).setErr(new PrintWriter(err)).execute(
        "--endpoint", "opc.tcp://127.0.0.1:1/none", "--pki-dir", dir.resolve("pki").toString());
    assertEquals(2, code);
    assertTrue(err.toString().startsWith("cellpilot browse: cannot reach") || err.toString().contains("cannot"),
        err.toString());
  }
}
