package io.cellpilot.opcua.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.opcua.server.CellServer;
import io.cellpilot.opcua.server.CellServerConfig;
import io.cellpilot.opcua.server.InspectionSnapshot;
import io.cellpilot.opcua.server.LineKpis;
import io.cellpilot.opcua.server.RobotSnapshot;
import io.cellpilot.opcua.testserver.TestPki;
import io.cellpilot.opcua.testserver.TestPlcServer;
import io.cellpilot.sim.SimulatedCell;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.plc.PlcServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * node-opcua browses and reads the cell server over SignAndEncrypt with a user, reads a PLC, and browses and reads the
 * simulator's PLC (every node of docs/wire-contracts.md) over SignAndEncrypt.
 */
class NodeOpcUaInteropTest {
  static final String CLIENT_URI = "urn:cellpilot:interop:node-opcua";

  @TempDir
  Path dir;

  @BeforeAll
  static void nodeOpcUaIsInstalled() {
    NodeOpcUa.requireInstalled();
  }

  /** node-opcua's client certificate and key as PEM files, made here as an integrator would make them. */
  record ClientCertificate(X509Certificate certificate, Path certFile, Path keyFile) {}

  @Test
  void nodeOpcUaBrowsesAndReadsTheCellServerOverSignAndEncrypt() throws Exception {
    ClientCertificate client = clientCertificate();
    Path certFile = client.certFile();
    Path keyFile = client.keyFile();
    TestPki.trust(client.certificate(), dir.resolve("server-pki"), "node-opcua.der");

    try (CellServer cell = CellServer.start(CellServerConfig.builder().bindAddress("127.0.0.1").port(0)
        .pkiDir(dir.resolve("server-pki")).user("scada", "scada-password").build())) {
      Instant t = Instant.now();
      cell.updateRobot(new RobotSnapshot("r1", "UR5e", List.of(new RobotSnapshot.AxisState(1.25, 0.0)), 0.5,
          "ACTIVE", "RUNNING", "NORMAL", true, t));
      cell.updateInspection(new InspectionSnapshot("P-9", "GOOD", 0.12, "PASS", 9, 9, 0, 0, "inspect-1.0.0", t));
      cell.updateLine(new LineKpis("RUNNING", 1, 0.9, 1, 0.9, 9, 9, t));
      String ns = "nsu=" + CellServer.NAMESPACE + ";s=";
      List<String> lines = NodeOpcUa.run(List.of("--endpoint", cell.endpointUrl(), "--mode", "SignAndEncrypt",
          "--policy", "Basic256Sha256", "--cert", certFile.toString(), "--key", keyFile.toString(),
          "--applicationUri", CLIENT_URI, "--user", "scada", "--password", "scada-password",
          "--root", ns + "Cell",
          "--read", ns + "Cell/MotionDeviceSystem/MotionDevices/r1/Axes/Axis1/ParameterSet/ActualPosition",
          "--read", ns + "Cell/Inspection/LastVerdict",
          "--read", ns + "Cell/Line/Oee",
          "--read", ns + "Cell/Inspection/Review"));
      assertHas(lines, "BROWSE /MotionDeviceSystem/MotionDevices/r1/Axes/Axis1/ParameterSet/ActualPosition ");
      assertHas(lines, "BROWSE /MotionDeviceSystem/SafetyStates/r1/ParameterSet/EmergencyStop ");
      assertHas(lines, "BROWSE /Energy");
      assertHas(lines, "READ " + ns + "Cell/MotionDeviceSystem/MotionDevices/r1/Axes/Axis1/ParameterSet/ActualPosition"
          + " Good 1.25");
      assertHas(lines, "READ " + ns + "Cell/Inspection/LastVerdict Good \"GOOD\"");
      assertHas(lines, "READ " + ns + "Cell/Line/Oee Good 0.9");
      assertHas(lines, "READ " + ns + "Cell/Inspection/Review Good 0");
    }
  }

  @Test
  void nodeOpcUaReadsAPlc() throws Exception {
    try (TestPlcServer plc = TestPlcServer.start(dir.resolve("plc-pki"))) {
      plc.set("Name", "press-7");
      String ns = "nsu=" + TestPlcServer.NAMESPACE + ";s=";
      List<String> lines = NodeOpcUa.run(List.of("--endpoint", plc.endpoint(), "--root", ns + "Plant",
          "--read", ns + "Plant/Name", "--read", ns + "Plant/Counter"));
      assertHas(lines, "BROWSE /Counter ");
      assertHas(lines, "READ " + ns + "Plant/Name Good \"press-7\"");
      assertHas(lines, "READ " + ns + "Plant/Counter Good 0");
    }
  }

  @Test
  void nodeOpcUaBrowsesEveryWireContractNodeOfTheSimulatedPlcAndReadsItOverSignAndEncrypt() throws Exception {
    ClientCertificate client = clientCertificate();
    try (SimulatedCell cell = SimulatedCell.start(SimConfig.forTests(21).mqtt(m -> m.enabled(false))
        .camera(c -> c.enabled(false)).plc(p -> p.trustAllClients(false)).build())) {
      // The simulated PLC trusts only the certificates it is given: give it node-opcua's.
      cell.plc().trust(client.certificate());
      String ns = "nsu=" + PlcServer.namespaceUri() + ";s=";
      List<String> lines = NodeOpcUa.run(List.of("--endpoint", cell.endpoints().opcUaUrl(),
          "--mode", "SignAndEncrypt", "--policy", "Basic256Sha256",
          "--cert", client.certFile().toString(), "--key", client.keyFile().toString(),
          "--applicationUri", CLIENT_URI, "--root", ns + "Line1",
          "--read", ns + "Line1/StateText", "--read", ns + "Line1/State",
          "--read", ns + "Line1/Conveyor/SpeedSetpoint", "--read", ns + "Line1/Pick/Holding",
          "--read", ns + "Line1/Machines/Press/Power/Voltage", "--read", ns + "Line1/Conveyor/Sped"));
      // docs/wire-contracts.md, read by a stack nobody here wrote: folder-shaped string ids under Objects/Line1.
      for (String path : SIM_PLC_CONTRACT) {
        assertTrue(lines.stream()
            .anyMatch(l -> l.startsWith("BROWSE /" + path + " ") && l.endsWith(";s=Line1/" + path)),
            "node-opcua did not find Line1/" + path + " in " + lines);
      }
      assertHas(lines, "READ " + ns + "Line1/StateText Good \"RUNNING\"");
      assertHas(lines, "READ " + ns + "Line1/State Good 1");
      assertHas(lines, "READ " + ns + "Line1/Conveyor/SpeedSetpoint Good 0.2");
      assertHas(lines, "READ " + ns + "Line1/Pick/Holding Good false");
      String voltage = lines.stream()
          .filter(l -> l.startsWith("READ " + ns + "Line1/Machines/Press/Power/Voltage Good ")).findFirst()
          .orElseThrow(() -> new AssertionError("no voltage in " + lines));
      double volts = Double.parseDouble(voltage.substring(voltage.lastIndexOf(' ') + 1));
      assertTrue(volts > 380 && volts < 420, "about 400 V: " + voltage);
      assertHas(lines, "READ " + ns + "Line1/Conveyor/Sped BadNodeIdUnknown");
    }
  }

  /** Every node of docs/wire-contracts.md below Line1 (methods included), machines and main meter expanded. */
  static final List<String> SIM_PLC_CONTRACT = contractNodes();

  private static List<String> contractNodes() {
    List<String> nodes = new ArrayList<>(List.of("State", "StateText", "FaultText", "Start", "Stop",
        "Reset", "Conveyor/Running", "Conveyor/SpeedSetpoint", "Conveyor/Speed", "Conveyor/PartAtInspection",
        "Conveyor/PartId", "Conveyor/PartAtPick", "Conveyor/PickPartId", "Conveyor/PartCount", "Pick/RequestStop",
        "Pick/Holding", "Pick/HeldPartId", "Pick/Release", "Stations/Inspection/Temperature",
        "Stations/Press/Temperature", "Safety/ZoneOccupied", "Safety/PersonDistance"));
    List<String> meter = List.of("ActivePower", "EnergyTotal", "Voltage", "Current");
    for (String machine : List.of("Conveyor", "Press", "Robot")) {
      nodes.add("Machines/" + machine + "/State");
      meter.forEach(v -> nodes.add("Machines/" + machine + "/Power/" + v));
    }
    meter.forEach(v -> nodes.add("MainMeter/" + v));
    return List.copyOf(nodes);
  }

  private ClientCertificate clientCertificate() throws Exception {
    KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    X509Certificate cert = new SelfSignedCertificateBuilder(keyPair).setCommonName("node-opcua interop")
        .setOrganization("CellPilot tests").setApplicationUri(CLIENT_URI).addDnsName("localhost")
        .addIpAddress("127.0.0.1").build();
    Path certFile = dir.resolve("client.pem");
    Path keyFile = dir.resolve("client.key");
    Files.writeString(certFile, pem("CERTIFICATE", cert.getEncoded()));
    Files.writeString(keyFile, pem("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
    return new ClientCertificate(cert, certFile, keyFile);
  }

  private static void assertHas(List<String> lines, String prefix) {
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(prefix)), "no line starting with '" + prefix + "' in "
        + lines);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
