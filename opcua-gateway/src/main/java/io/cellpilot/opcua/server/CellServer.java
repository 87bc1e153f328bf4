package io.cellpilot.opcua.server;

import io.cellpilot.opcua.OpcUaGatewayException;
import io.cellpilot.opcua.security.PkiDirectory;
import io.cellpilot.opcua.security.StrictCertificateValidator;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell's own OPC UA server (namespace {@code urn:cellpilot:cell}) through which SCADA and MES see the robot,
 * the inspection station, energy and line KPIs. Read-only for clients; the controller feeds it with plain records
 * from any thread. Client certificates are checked against {@code pki-dir}'s trust list like the gateway's.
 */
public final class CellServer implements AutoCloseable {
  public static final String NAMESPACE = CellNamespace.URI;
  private static final Logger log = LoggerFactory.getLogger(CellServer.class);

  private final CellServerConfig config;
  private final int port;
  private final OpcUaServer server;
  private final CellNamespace namespace;
  private final CellAddressSpace space;

  private CellServer(CellServerConfig config) {
    this.config = config;
    this.port = config.port() == 0 ? freePort() : config.port();
    PkiDirectory pki = PkiDirectory.open(config.pkiDir());
    this.server = OpcUaServerSetup.create(config, port, new StrictCertificateValidator("cell-server", pki, true,
        why -> { }));
    this.namespace = new CellNamespace(server);
    this.space = new CellAddressSpace(namespace);
  }

  /** Builds the address space and starts listening; throws when the port is taken or the PKI is unusable. */
  public static CellServer start(CellServerConfig config) {
    CellServer cell = new CellServer(config);
    cell.namespace.startup();
    cell.space.create();
    try {
      cell.server.startup().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.SERVER, "the cell OPC UA server could not start on "
          + config.bindAddress() + ":" + cell.port + " (" + e.getMessage() + "); is the port taken? See "
          + CellServerConfig.KEY + ".port", e);
    }
    log.info("[cell-server] listening on {} ({})", cell.endpointUrl(), config);
    return cell;
  }

  /** The URL clients connect to. */
  public String endpointUrl() {
    return "opc.tcp://" + config.hostname() + ":" + port + config.path();
  }

  public int port() {
    return port;
  }

  /** Shows a robot's state; the robot's nodes are created on its first update. */
  public void updateRobot(RobotSnapshot robot) {
    space.robot(robot);
  }

  public void updateInspection(InspectionSnapshot inspection) {
    space.inspection(inspection);
  }

  /** Shows a meter's figures; the meter's nodes are created on its first update. */
  public void updateEnergy(EnergySnapshot energy) {
    space.energy(energy);
  }

  /** Shows the running shift's energy, carbon and OEE; its nodes are created on the first update. */
  public void updateShiftEnergy(ShiftEnergySnapshot shift) {
    space.shift(shift);
  }

  public void updateLine(LineKpis kpis) {
    space.line(kpis);
  }

  @Override
  public void close() {
    try {
      namespace.shutdown();
      server.shutdown().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("[cell-server] shutdown: {}", e.getMessage());
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.SERVER, "no free port: " + e.getMessage(), e);
    }
  }
}
