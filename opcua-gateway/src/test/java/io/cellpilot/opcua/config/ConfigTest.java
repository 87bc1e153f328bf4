package io.cellpilot.opcua.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.OpcUaGatewayException;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Configuration errors name the key as an integrator writes it in YAML. */
class ConfigTest {

  private static String error(Consumer<PlcConfig.Builder> change) {
    PlcConfig.Builder b = PlcConfig.builder("line1").endpoint("opc.tcp://plc:4840")
        .tag(TagConfig.builder("speed").nodeId("nsu=urn:x;s=Speed"));
    change.accept(b);
    OpcUaGatewayException e = assertThrows(OpcUaGatewayException.class, b::build);
    assertEquals(OpcUaGatewayException.Code.CONFIG, e.code());
    return e.getMessage();
  }

  @Test
  void aValidConfigurationKeepsTagOrderAndDefaults() {
    PlcConfig c = PlcConfig.builder("line1").endpoint("opc.tcp://plc:4840")
        .defaultNamespace("urn:cellpilot:sim:plc")
        .tag(TagConfig.builder("b").browsePath("Line1/State"))
        .tag(TagConfig.builder("a").nodeId("ns=2;s=Line1/State"))
        .build();
    assertEquals("[b, a]", c.tags().keySet().toString());
    assertEquals("urn:cellpilot:sim:plc", ((TagAddress.ByBrowsePath) c.tags().get("b").address()).namespaceUri());
    assertEquals(SecurityPolicyName.Basic256Sha256, c.securityPolicy());
    assertEquals(SecurityMode.SignAndEncrypt, c.securityMode());
    assertEquals(Duration.ofSeconds(6), c.lossDetectionBound());
  }

  @Test
  void endpointErrorsNameTheKeyAndShowTheValue() {
    assertEquals("cellpilot.plcs.line1.endpoint is required", error(b -> b.endpoint(null)));
    assertEquals("cellpilot.plcs.line1.endpoint must look like opc.tcp://host:4840[/path], was 'http://plc'",
        error(b -> b.endpoint("http://plc")));
  }

  @Test
  void securityModeMustMatchThePolicy() {
    assertEquals("cellpilot.plcs.line1.security-mode must be None exactly when security-policy is None, was "
        + "SignAndEncrypt with policy None", error(b -> b.securityPolicy(SecurityPolicyName.None)));
  }

  @Test
  void tagErrorsNameTheTagAndKey() {
    assertEquals("cellpilot.plcs.line1.tags.bad.queue-size must be between 1 and 10000, was 0",
        error(b -> b.tag(TagConfig.builder("bad").nodeId("ns=2;i=5").queueSize(0))));
    assertEquals("cellpilot.plcs.line1.tags.bad.sampling-interval must be between 0 ms and 3600000 ms, was -5 ms",
        error(b -> b.tag(TagConfig.builder("bad").nodeId("ns=2;i=5").samplingInterval(Duration.ofMillis(-5)))));
    assertTrue(error(b -> b.tag(TagConfig.builder("bad").nodeId("not a node id")))
        .startsWith("cellpilot.plcs.line1.tags.bad.node-id is not an OPC UA node id"));
    assertEquals("cellpilot.plcs.line1.tags.bad needs either node-id or browse-path",
        error(b -> b.tag(TagConfig.builder("bad"))));
    assertEquals("cellpilot.plcs.line1.tags.bad has both node-id and browse-path; give one",
        error(b -> b.tag(TagConfig.builder("bad").nodeId("ns=2;i=5").browsePath("A/B"))));
    assertEquals("cellpilot.plcs.line1.tags.bad.namespace is required for a browse path (or set the PLC's "
        + "default-namespace)", error(b -> b.tag(TagConfig.builder("bad").browsePath("A/B"))));
    assertEquals("cellpilot.plcs.line1.tags.bad.deadband.value must be between 0 and 100 for a percent deadband, "
        + "was 150.0", error(b -> b.tag(TagConfig.builder("bad").nodeId("ns=2;i=5").deadband(Deadband.percent(150)))));
    assertEquals("cellpilot.plcs.line1.tags.bad.scaling.raw-high must differ from raw-low, both were 5.0",
        error(b -> b.tag(TagConfig.builder("bad").nodeId("ns=2;i=5").scaling(new Scaling(5, 5, 0, 1)))));
  }

  @Test
  void timingAndIdentityErrorsNameTheKey() {
    assertEquals("cellpilot.plcs.line1.keep-alive-interval must be between 100 ms and 60000 ms, was 10 ms",
        error(b -> b.keepAliveInterval(Duration.ofMillis(10))));
    assertEquals("cellpilot.plcs.line1.identity.password is required",
        error(b -> b.identity(new IdentityConfig.UserPassword("u", ""))));
  }

  @Test
  void scalingConvertsBothWays() {
    Scaling s = new Scaling(0, 27648, 0, 100);
    assertEquals(50.0, s.toEngineering(13824), 1e-9);
    assertEquals(13824.0, s.toRaw(50.0), 1e-9);
    assertEquals("UserPassword[username=u, password=***]", new IdentityConfig.UserPassword("u", "secret").toString());
  }
}
