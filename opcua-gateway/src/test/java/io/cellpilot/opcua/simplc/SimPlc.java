package io.cellpilot.opcua.simplc;

import io.cellpilot.opcua.client.MethodCall;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.sim.SimulatedCell;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.plc.PlcServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The simulator's PLC as an integrator would configure the gateway for it: node ids written from
 * docs/wire-contracts.md (namespace by URI, never by index), and a simulated cell that runs only its PLC.
 */
final class SimPlc {
  /** Prefix of every PLC node id: the namespace is named by URI and resolved after each connect. */
  static final String NS = "nsu=" + PlcServer.namespaceUri() + ";s=";
  static final String LINE1 = NS + "Line1";
  static final String PICK = NS + "Line1/Pick";

  private SimPlc() {}

  /** A cell on free ports with its PLC only: no MQTT broker, no camera (faster to start, less CPU). */
  static SimulatedCell startPlcOnly(long seed, UnaryOperator<SimConfig.Builder> change) {
    SimConfig.Builder config = SimConfig.forTests(seed)
        .mqtt(m -> m.enabled(false))
        .camera(c -> c.enabled(false));
    return SimulatedCell.start(change.apply(config).build());
  }

  static String node(String path) {
    return NS + path;
  }

  /** A tag on a wire-contract node, sampled fast enough for tests. */
  static TagConfig.Builder tag(String name, String path) {
    return TagConfig.builder(name).nodeId(node(path)).samplingInterval(Duration.ofMillis(100));
  }

  /**
   * The gateway's configuration for {@code cell}'s PLC over SecurityPolicy None, with the tags a controller needs for
   * the line, the pick handshake and energy; keep-alives short so that a lost PLC is noticed quickly.
   */
  static PlcConfig.Builder gateway(String id, SimulatedCell cell, Path pki) {
    return PlcConfig.builder(id)
        .endpoint(cell.endpoints().opcUaUrl())
        .noSecurity()
        .pkiDir(pki)
        .keepAliveInterval(Duration.ofMillis(500))
        .keepAliveTimeout(Duration.ofMillis(500))
        .publishingInterval(Duration.ofMillis(50))
        .defaultNamespace(PlcServer.namespaceUri())
        .tag(tag("state", "Line1/State"))
        .tag(tag("state-text", "Line1/StateText"))
        .tag(tag("fault-text", "Line1/FaultText"))
        .tag(tag("running", "Line1/Conveyor/Running"))
        .tag(tag("speed-setpoint", "Line1/Conveyor/SpeedSetpoint"))
        .tag(tag("speed", "Line1/Conveyor/Speed").unit("m/s"))
        .tag(tag("part-id", "Line1/Conveyor/PartId"))
        .tag(tag("part-count", "Line1/Conveyor/PartCount"))
        .tag(tag("holding", "Line1/Pick/Holding"))
        .tag(tag("held-part-id", "Line1/Pick/HeldPartId"))
        .tag(tag("main-energy", "Line1/MainMeter/EnergyTotal").unit("kWh"))
        .tag(tag("robot-state", "Line1/Machines/Robot/State"))
        // By browse path, as `cellpilot browse` writes it for names without a node id at hand.
        .tag(TagConfig.builder("press-temperature").browsePath("Line1/Stations/Press/Temperature")
            .samplingInterval(Duration.ofMillis(100)).unit("degC"));
  }

  static MethodCall start() {
    return MethodCall.of(LINE1, node("Line1/Start"));
  }

  static MethodCall stop() {
    return MethodCall.of(LINE1, node("Line1/Stop"));
  }

  static MethodCall reset() {
    return MethodCall.of(LINE1, node("Line1/Reset"));
  }

  static MethodCall requestStop(String partId) {
    return MethodCall.of(PICK, node("Line1/Pick/RequestStop"), partId);
  }

  static MethodCall release() {
    return MethodCall.of(PICK, node("Line1/Pick/Release"));
  }
}
