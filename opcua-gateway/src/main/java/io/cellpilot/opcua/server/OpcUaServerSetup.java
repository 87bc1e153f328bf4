package io.cellpilot.opcua.server;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.cellpilot.opcua.OpcUaGatewayException;
import io.cellpilot.opcua.config.SecurityPolicyName;
import io.cellpilot.opcua.security.ApplicationCertificate;
import io.cellpilot.opcua.security.CryptoProviders;
import io.cellpilot.opcua.security.PkiDirectory;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/**
 * Builds a Milo server from a {@link CellServerConfig}: endpoints per security policy and mode (plus the unsecured
 * discovery endpoint every client needs for GetEndpoints, OPC 10000-6 §7.1.2.2), the application certificate,
 * users and limits. Used by the cell server and by tests that need a PLC-like server.
 */
public final class OpcUaServerSetup {
  private OpcUaServerSetup() {}

  /** A server whose application certificate is created on first start in the configured PKI folder. */
  public static OpcUaServer create(CellServerConfig config, int port, CertificateValidator clientValidator) {
    PkiDirectory pki = PkiDirectory.open(config.pkiDir());
    ApplicationCertificate certificate = ApplicationCertificate.loadOrCreate(pki, "cellpilot-server",
        config.applicationUri(), List.of(config.hostname()));
    return create(config, port, certificate, clientValidator);
  }

  /** A server with a given application certificate (tests use odd ones: expired, wrong URI). */
  public static OpcUaServer create(CellServerConfig config, int port, ApplicationCertificate certificate,
      CertificateValidator clientValidator) {
    CryptoProviders.install();
    try {
      CertificateStore store = new MemoryCertificateStore();
      store.set(NodeIds.RsaSha256ApplicationCertificateType,
          new CertificateStore.Entry(certificate.keyPair().getPrivate(), certificate.chain()));
      RsaSha256CertificateFactory factory = new RsaSha256CertificateFactory() {
        @Override
        protected KeyPair createRsaSha256KeyPair() {
          return certificate.keyPair();
        }

        @Override
        protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
          return certificate.chain();
        }
      };
      PkiDirectory pki = PkiDirectory.open(config.pkiDir());
      DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(new MemoryTrustListManager(),
          store, factory, clientValidator);
      OpcUaServerConfig serverConfig = OpcUaServerConfig.builder()
          .setApplicationUri(config.applicationUri())
          .setApplicationName(LocalizedText.english("CellPilot cell"))
          .setProductUri("urn:cellpilot")
          .setBuildInfo(new BuildInfo("urn:cellpilot", "CellPilot", "CellPilot cell server",
              OpcUaServer.SDK_VERSION, "", DateTime.now()))
          .setEndpoints(endpoints(config, port, certificate.certificate()))
          .setCertificateManager(new DefaultCertificateManager(
              new FileBasedCertificateQuarantine(pki.rejectedCerts().toFile()), group))
          .setIdentityValidator(identityValidator(config))
          .setLimits(limits(config))
          .build();
      return new OpcUaServer(serverConfig, profile -> new OpcTcpServerTransport(
          OpcTcpServerTransportConfig.newBuilder().build()));
    } catch (OpcUaGatewayException e) {
      throw e;
    } catch (Exception e) {
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.SERVER,
          "cannot set up the OPC UA server on port " + port + ": " + e.getMessage(), e);
    }
  }

  private static Set<EndpointConfig> endpoints(CellServerConfig config, int port, X509Certificate certificate) {
    Set<EndpointConfig> endpoints = new LinkedHashSet<>();
    EndpointConfig.Builder base = EndpointConfig.newBuilder()
        .setBindAddress(config.bindAddress())
        .setBindPort(port)
        .setHostname(config.hostname())
        .setPath(config.path())
        .setCertificate(certificate)
        .setTransportProfile(TransportProfile.TCP_UASC_UABINARY);
    if (config.allowAnonymous()) {
      base.addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
    }
    if (!config.users().isEmpty()) {
      // Passwords are always encrypted with Basic256Sha256, also on a None endpoint (OPC 10000-4 §7.41).
      base.addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME);
    }
    for (SecurityPolicyName policy : config.securityPolicies()) {
      for (MessageSecurityMode mode : List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt)) {
        endpoints.add(base.copy().setSecurityPolicy(policy.policy()).setSecurityMode(mode).build());
      }
    }
    if (config.allowSecurityNone()) {
      endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
          .build());
    }
    endpoints.add(base.copy().setPath(config.path() + "/discovery").setSecurityPolicy(SecurityPolicy.None)
        .setSecurityMode(MessageSecurityMode.None).build());
    return endpoints;
  }

  private static IdentityValidator identityValidator(CellServerConfig config) {
    List<IdentityValidator> validators = new ArrayList<>();
    if (config.allowAnonymous()) {
      validators.add(AnonymousIdentityValidator.INSTANCE);
    }
    Map<String, String> users = config.users();
    if (!users.isEmpty()) {
      validators.add(new UsernameIdentityValidator(challenge -> {
        String expected = users.get(challenge.getUsername());
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
            challenge.getPassword().getBytes(StandardCharsets.UTF_8));
      }));
    }
    return new CompositeValidator(validators.toArray(IdentityValidator[]::new));
  }

  private static OpcUaServerConfigLimits limits(CellServerConfig config) {
    return new OpcUaServerConfigLimits() {
      @Override
      public UInteger getMaxSessions() {
        return uint(config.maxSessions());
      }

      @Override
      public UInteger getMaxSubscriptionsPerSession() {
        return uint(config.maxSubscriptionsPerSession());
      }

      @Override
      public UInteger getMaxMonitoredItemsPerSession() {
        return uint(config.maxMonitoredItemsPerSession());
      }

      @Override
      public UInteger getMaxSubscriptions() {
        return uint(config.maxSubscriptions());
      }

      @Override
      public UInteger getMaxMonitoredItems() {
        return uint(config.maxMonitoredItems());
      }
    };
  }
}
