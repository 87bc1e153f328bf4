package io.cellpilot.sim.plc;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.config.PlcConfig;
import io.cellpilot.sim.model.CellSnapshot;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.util.HostnameUtil;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated PLC: an Eclipse Milo OPC UA server in this JVM. It can be stopped and started again at run time on
 * the same port (the "PLC restarting" fault): stopping closes every client connection, starting builds a fresh
 * server whose variables begin at the cell's latest state, as a rebooted PLC would.
 */
public final class PlcServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PlcServer.class);
  private static final long TIMEOUT_S = 30;

  private final PlcConfig config;
  private final PlcControl control;
  private final Supplier<CellSnapshot> latest;
  private final int port;
  private final String host;
  private final boolean secured;
  private volatile PlcCertificate certificate;
  private final MemoryTrustListManager trustList = new MemoryTrustListManager();
  private volatile OpcUaServer server;
  private volatile PlcNamespace namespace;

  /** {@code latest} gives the state a (re)started server shows first. */
  public PlcServer(PlcConfig config, PlcControl control, Supplier<CellSnapshot> latest) {
    this.config = config;
    this.control = control;
    this.latest = latest;
    this.port = config.port() == 0 ? freePort(config.bindAddress()) : config.port();
    this.host = "0.0.0.0".equals(config.bindAddress()) ? HostnameUtil.getHostname() : config.bindAddress();
    this.secured = config.policies().contains(PlcConfig.Policy.BASIC256SHA256);
  }

  /** Starts serving; does nothing when already running. */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      if (secured && certificate == null) {
        // Made on first start, not in the constructor: key generation takes a while and may run beside other work.
        certificate = PlcCertificate.forHosts(PlcCertificate.hostNames(config.bindAddress(), host));
      }
      OpcUaServer s = new OpcUaServer(serverConfig(), profile -> {
        if (profile != TransportProfile.TCP_UASC_UABINARY) {
          throw new IllegalArgumentException("the simulated PLC speaks opc.tcp only, not " + profile);
        }
        return new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder()
            // A restarted PLC rebinds its port at once, while the old connections may linger in TIME_WAIT.
            .setBootstrapCustomizer(b -> b.option(ChannelOption.SO_REUSEADDR, true))
            .build());
      });
      PlcNamespace ns = new PlcNamespace(s, control, latest.get());
      ns.startup();
      s.startup().get(TIMEOUT_S, TimeUnit.SECONDS);
      server = s;
      namespace = ns;
      log.info("[plc] OPC UA server listening on {}", endpointUrl());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SimException(SimException.Code.START_FAILED, "interrupted while starting the PLC on " + endpointUrl(), e);
    } catch (Exception e) {
      throw new SimException(SimException.Code.START_FAILED,
          "the PLC's OPC UA server could not start on " + endpointUrl() + " (is the port taken?): " + e.getMessage(), e);
    }
  }

  /** Stops serving and drops every client connection; does nothing when stopped. */
  public synchronized void stop() {
    OpcUaServer s = server;
    if (s == null) {
      return;
    }
    server = null;
    PlcNamespace ns = namespace;
    namespace = null;
    try {
      ns.shutdown();
      s.shutdown().get(TIMEOUT_S, TimeUnit.SECONDS);
      log.info("[plc] OPC UA server on {} stopped", endpointUrl());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("[plc] OPC UA server on {} did not stop cleanly", endpointUrl(), e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  public boolean running() {
    return server != null;
  }

  /** Shows {@code snapshot} in the address space (nothing while the server is down). */
  public void update(CellSnapshot snapshot) {
    PlcNamespace ns = namespace;
    if (ns != null) {
      ns.update(snapshot);
    }
  }

  /** The URL clients connect to, e.g. {@code opc.tcp://127.0.0.1:4840/cellpilot}. */
  public String endpointUrl() {
    return "opc.tcp://" + host + ":" + port + config.path();
  }

  public int port() {
    return port;
  }

  /** The namespace URI of the PLC's nodes. */
  public static String namespaceUri() {
    return PlcNamespace.URI;
  }

  /** The server's certificate (for clients that pin it); null before the first start or without secured endpoints. */
  public X509Certificate certificate() {
    PlcCertificate c = certificate;
    return c == null ? null : c.certificate();
  }

  /** Trusts {@code clientCertificate} on the secured endpoints (matters when trust-all-clients is off). */
  public void trust(X509Certificate clientCertificate) {
    trustList.addTrustedCertificate(clientCertificate);
  }

  private OpcUaServerConfig serverConfig() throws Exception {
    var builder = OpcUaServerConfig.builder()
        .setApplicationUri(PlcCertificate.APPLICATION_URI)
        .setApplicationName(LocalizedText.english("CellPilot simulated PLC"))
        .setProductUri("urn:cellpilot:sim")
        .setBuildInfo(new BuildInfo("urn:cellpilot:sim", "CellPilot", "CellPilot simulated PLC",
            OpcUaServer.SDK_VERSION, "", DateTime.now()))
        .setEndpoints(endpoints())
        .setIdentityValidator(identityValidator());
    if (certificate != null) {
      KeyPair keyPair = certificate.keyPair();
      X509Certificate cert = certificate.certificate();
      var quarantine = new MemoryCertificateQuarantine();
      CertificateValidator validator = config.trustAllClients()
          ? (chain, applicationUri, hostnames) -> log.debug("[plc] accepting client certificate {} (trust-all-clients)",
              chain.get(0).getSubjectX500Principal())
          : new DefaultServerCertificateValidator(trustList, quarantine);
      var factory = new RsaSha256CertificateFactory() {
        @Override
        protected KeyPair createRsaSha256KeyPair() {
          return keyPair;
        }

        @Override
        protected X509Certificate[] createRsaSha256CertificateChain(KeyPair kp) {
          return new X509Certificate[] {cert};
        }
      };
      var group = DefaultApplicationGroup.createAndInitialize(trustList, new MemoryCertificateStore(), factory,
          validator);
      builder.setCertificateManager(new DefaultCertificateManager(quarantine, group));
    }
    return builder.build();
  }

  private IdentityValidator identityValidator() {
    List<IdentityValidator> validators = new ArrayList<>();
    if (config.allowAnonymous()) {
      validators.add(AnonymousIdentityValidator.INSTANCE);
    }
    if (!config.users().isEmpty()) {
      validators.add(new UsernameIdentityValidator(c -> c.getPassword().equals(config.users().get(c.getUsername()))));
    }
    return new CompositeValidator(validators);
  }

  private Set<EndpointConfig> endpoints() {
    EndpointConfig.Builder base = EndpointConfig.newBuilder()
        .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
        .setBindAddress(config.bindAddress())
        .setBindPort(port)
        .setHostname(host)
        .setPath(config.path());
    if (config.allowAnonymous()) {
      base.addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS);
    }
    if (!config.users().isEmpty()) {
      base.addTokenPolicies(USER_TOKEN_POLICY_USERNAME);
    }
    if (certificate != null) {
      base.setCertificate(certificate.certificate());
    }
    Set<EndpointConfig> out = new LinkedHashSet<>();
    if (config.policies().contains(PlcConfig.Policy.NONE)) {
      out.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
    } else {
      // With every endpoint secured, clients still need an unsecured one for discovery; OPC UA Part 6 names it
      // "<base address>/discovery".
      out.add(base.copy().setPath(config.path() + "/discovery").setSecurityPolicy(SecurityPolicy.None)
          .setSecurityMode(MessageSecurityMode.None).build());
    }
    if (certificate != null) {
      for (MessageSecurityMode mode : List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt)) {
        out.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256).setSecurityMode(mode).build());
      }
    }
    return out;
  }

  private static int freePort(String bindAddress) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new SimException(SimException.Code.START_FAILED, "no free port on " + bindAddress + " for the PLC", e);
    }
  }
}
