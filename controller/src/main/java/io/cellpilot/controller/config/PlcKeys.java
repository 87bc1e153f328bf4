package io.cellpilot.controller.config;

import static io.cellpilot.controller.config.ValueType.BOOLEAN;
import static io.cellpilot.controller.config.ValueType.DECIMAL;
import static io.cellpilot.controller.config.ValueType.DURATION;
import static io.cellpilot.controller.config.ValueType.INTEGER;
import static io.cellpilot.controller.config.ValueType.PATH;
import static io.cellpilot.controller.config.ValueType.STRING;
import static io.cellpilot.controller.config.ValueType.URL;

import java.util.List;

/**
 * The PLC keys ({@code cellpilot.plcs.*}), which are the OPC UA gateway's own (its {@code PlcConfig} builder is named
 * after them), plus the controller's {@code max-age}; and the line's wiring ({@code cellpilot.line.*}): which tags
 * and methods of the PLC run the line and the pick handshake. Defaults follow docs/wire-contracts.md.
 */
final class PlcKeys {
  private static final String P = "cellpilot.plcs.*.";
  private static final String T = "cellpilot.plcs.*.tags.*.";

  static final List<ConfigKey> KEYS = List.of(
      ConfigKey.required(P + "endpoint", URL, "OPC UA endpoint, e.g. opc.tcp://plc:4840"),
      ConfigKey.of(P + "security-policy", STRING, "Basic256Sha256", "OPC UA security policy")
          .oneOf("None", "Basic256Sha256", "Aes128_Sha256_RsaOaep", "Aes256_Sha256_RsaPss"),
      ConfigKey.of(P + "security-mode", STRING, "SignAndEncrypt",
          "OPC UA message security mode (None exactly when the policy is None)").oneOf("None", "Sign",
          "SignAndEncrypt"),
      ConfigKey.of(P + "identity.type", STRING, "anonymous", "user identity").oneOf("anonymous", "username", "x509"),
      ConfigKey.of(P + "identity.username", STRING, null, "user name (identity type username)"),
      ConfigKey.of(P + "identity.password", STRING, null, "password (identity type username)"),
      ConfigKey.of(P + "identity.certificate", PATH, null, "user certificate file (identity type x509)"),
      ConfigKey.of(P + "identity.private-key", PATH, null, "its PKCS#8 PEM private key (identity type x509)"),
      ConfigKey.of(P + "pki-dir", PATH, null,
          "this box's certificate and the trusted PLC certificates (default: <data-dir>/pki)"),
      ConfigKey.of(P + "application-uri", STRING, "urn:cellpilot:gateway", "written into the application certificate"),
      ConfigKey.of(P + "keep-alive-interval", DURATION, "2s", "how often the session's keep-alive read is sent")
          .range(0.1, 60, "s"),
      ConfigKey.of(P + "keep-alive-failures-allowed", INTEGER, "1", "failed keep-alives tolerated before the "
          + "connection is declared lost").range(0, 10, ""),
      ConfigKey.of(P + "keep-alive-timeout", DURATION, "2s", "timeout of one keep-alive read").range(0.1, 60, "s"),
      ConfigKey.of(P + "request-timeout", DURATION, "10s", "timeout of reads, writes and method calls")
          .range(0.1, 300, "s"),
      ConfigKey.of(P + "session-timeout", DURATION, "60s", "OPC UA session timeout").range(1, 3600, "s"),
      ConfigKey.of(P + "publishing-interval", DURATION, "100ms", "the subscription's publishing interval")
          .range(0.01, 600, "s"),
      ConfigKey.of(P + "reconnect-max-delay", DURATION, "16s", "back-off cap while the PLC cannot be reached")
          .range(0.1, 300, "s"),
      ConfigKey.of(P + "default-namespace", STRING, null,
          "namespace URI of node ids written without one (e.g. Line1/State) and of browse paths"),
      ConfigKey.of(P + "max-age", DURATION, ConfigSchema.DEFAULT_TAG_MAX_AGE,
          "a tag older than this is stale (keep it above the loss detection bound)").range(0.01, 86_400, "s"),

      ConfigKey.of(T + "node-id", STRING, null,
          "node id: nsu=<uri>;s=Line1/State, ns=2;i=42, or Line1/State in the default namespace"),
      ConfigKey.of(T + "browse-path", STRING, null, "browse names below Objects, e.g. Line1/Tank/Level"),
      ConfigKey.of(T + "namespace", STRING, null, "namespace URI of the browse path (default: default-namespace)"),
      ConfigKey.of(T + "sampling-interval", DURATION, "250ms", "OPC UA sampling interval (0: fastest)")
          .range(0, 3600, "s"),
      ConfigKey.of(T + "queue-size", INTEGER, "1", "server-side queue per monitored item").range(1, 10_000, ""),
      ConfigKey.of(T + "deadband.type", STRING, "none", "data change deadband").oneOf("none", "absolute", "percent"),
      ConfigKey.of(T + "deadband.value", DECIMAL, "0", "absolute >= 0, percent 0 .. 100 (of the EURange)"),
      ConfigKey.of(T + "scaling.raw-low", DECIMAL, null, "linear scaling: raw value at eng-low"),
      ConfigKey.of(T + "scaling.raw-high", DECIMAL, null, "linear scaling: raw value at eng-high"),
      ConfigKey.of(T + "scaling.eng-low", DECIMAL, null, "linear scaling: engineering value at raw-low"),
      ConfigKey.of(T + "scaling.eng-high", DECIMAL, null, "linear scaling: engineering value at raw-high"),
      ConfigKey.of(T + "unit", STRING, null, "engineering unit, for people"),
      ConfigKey.of(T + "subscribe", BOOLEAN, "true", "false: only read or written on demand"),
      ConfigKey.of(T + "max-age", DURATION, null, "stale after this age (default: the PLC's)")
          .range(0.01, 86_400, "s"),

      ConfigKey.of("cellpilot.line.plc", STRING, null, "the PLC that runs the line (default: the only PLC)"),
      ConfigKey.of("cellpilot.line.state-tag", STRING, "plc.line-state",
          "Int32 tag: 0 stopped, 1 running, 2 faulted"),
      ConfigKey.of("cellpilot.line.fault-text-tag", STRING, null, "string tag: why the line faulted"),
      ConfigKey.of("cellpilot.line.object", STRING, "Line1", "node id of the line object (Start/Stop/Reset's owner)"),
      ConfigKey.of("cellpilot.line.start-method", STRING, "Line1/Start", "method node id: start the line"),
      ConfigKey.of("cellpilot.line.stop-method", STRING, "Line1/Stop", "method node id: stop the line"),
      ConfigKey.of("cellpilot.line.reset-method", STRING, "Line1/Reset", "method node id: reset a faulted line"),
      ConfigKey.of("cellpilot.line.plc-control", BOOLEAN, "true",
          "operators' pause and resume also call the PLC's stop and start methods"),
      ConfigKey.of("cellpilot.line.ideal-cycle-time", DURATION, null,
          "the line's ideal time per part, for OEE performance (absent: performance unknown)").range(0.01, 3600, "s"),
      ConfigKey.of("cellpilot.line.pick.object", STRING, "Line1/Pick", "node id of the pick handshake object"),
      ConfigKey.of("cellpilot.line.pick.request-stop-method", STRING, "Line1/Pick/RequestStop",
          "method node id: hold this part at the pick position (one String argument)"),
      ConfigKey.of("cellpilot.line.pick.release-method", STRING, "Line1/Pick/Release",
          "method node id: the robot is done, the belt moves on"),
      ConfigKey.of("cellpilot.line.pick.holding-tag", STRING, "plc.pick-holding",
          "boolean tag: a requested part is held at the pick position"),
      ConfigKey.of("cellpilot.line.pick.held-part-id-tag", STRING, "plc.held-part-id", "string tag: the held part"));

  private PlcKeys() {}
}
