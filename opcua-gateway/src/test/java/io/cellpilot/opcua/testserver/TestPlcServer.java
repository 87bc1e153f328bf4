package io.cellpilot.opcua.testserver;

import io.cellpilot.opcua.config.SecurityPolicyName;
import io.cellpilot.opcua.security.ApplicationCertificate;
import io.cellpilot.opcua.server.CellServerConfig;
import io.cellpilot.opcua.server.OpcUaServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;

/**
 * An in-process PLC for tests: a real Milo server on a free loopback port with {@link TestPlcNamespace}. It can be
 * stopped and started again on the same port (a PLC reboot: a new server process that knows nothing of old sessions).
 * Like many lab PLCs it accepts every client certificate, so tests exercise the gateway's side of trust only.
 */
public final class TestPlcServer implements AutoCloseable {
  public static final String NAMESPACE = TestPlcNamespace.URI;

  private final int port;
  private final CellServerConfig config;
  private final ApplicationCertificate certificate;
  private final Map<String, Object> values = new HashMap<>();
  private final int bulkCount;
  private OpcUaServer server;
  private TestPlcNamespace namespace;

  private TestPlcServer(Path pki, ApplicationCertificate certificate, int bulkCount, String applicationUri) {
    this.port = freePort();
    this.bulkCount = bulkCount;
    this.config = CellServerConfig.builder()
        .bindAddress("127.0.0.1").hostname("localhost").path("/plc")
        .securityPolicies(EnumSet.allOf(SecurityPolicyName.class))
        .allowSecurityNone(true).allowAnonymous(true).user("operator", "operator-pw")
        .pkiDir(pki).applicationUri(applicationUri)
        .maxMonitoredItemsPerSession(100_000).maxMonitoredItems(200_000)
        .build();
    this.certificate = certificate;
  }

  /** A server with its own self-made certificate in {@code pki}. */
  public static TestPlcServer start(Path pki) {
    return start(pki, 0);
  }

  /** A server with {@code bulkCount} extra Double variables {@code Plant/Bulk/V<i>} (benchmarks). */
  public static TestPlcServer start(Path pki, int bulkCount) {
    TestPlcServer s = new TestPlcServer(pki, null, bulkCount, "urn:cellpilot:test:plc-server");
    s.start();
    return s;
  }

  /** A server presenting {@code certificate} that claims application URI {@code applicationUri}. */
  public static TestPlcServer startWith(Path pki, ApplicationCertificate certificate, String applicationUri) {
    TestPlcServer s = new TestPlcServer(pki, certificate, 0, applicationUri);
    s.start();
    return s;
  }

  public synchronized void start() {
    CertificateValidator acceptAll = (chain, uri, hosts) -> { };
    server = certificate == null ? OpcUaServerSetup.create(config, port, acceptAll)
        : OpcUaServerSetup.create(config, port, certificate, acceptAll);
    namespace = new TestPlcNamespace(server, values, bulkCount);
    namespace.startup();
    try {
      server.startup().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("test PLC did not start on port " + port, e);
    }
  }

  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      namespace.shutdown();
      server.shutdown().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("test PLC did not stop", e);
    } finally {
      server = null;
    }
  }

  /** Sets a variable now and for the next start (a PLC keeps its retained values). */
  public synchronized void set(String name, Object value) {
    values.put(name, value);
    if (namespace != null) {
      namespace.set(name, value);
    }
  }

  public String endpoint() {
    return "opc.tcp://localhost:" + port + "/plc";
  }

  public int port() {
    return port;
  }

  public OpcUaServer server() {
    return server;
  }

  @Override
  public void close() {
    stop();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
