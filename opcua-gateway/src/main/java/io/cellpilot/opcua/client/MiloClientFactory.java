package io.cellpilot.opcua.client;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.cellpilot.opcua.OpcUaGatewayException;
import io.cellpilot.opcua.config.IdentityConfig;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.security.ApplicationCertificate;
import io.cellpilot.opcua.security.CryptoProviders;
import io.cellpilot.opcua.security.PemFiles;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfig;

/** Builds a Milo client for a {@link PlcConfig}: endpoint discovery and choice, certificates, identity, timeouts. */
final class MiloClientFactory {
  private MiloClientFactory() {}

  /** Asks the server for its endpoints (GetEndpoints, OPC 10000-4 §5.4.4) and builds a client for the chosen one. */
  static OpcUaClient create(PlcConfig config, ApplicationCertificate certificate, CertificateValidator validator)
      throws Exception {
    CryptoProviders.install();
    String url = config.endpoint().toString();
    List<EndpointDescription> endpoints = DiscoveryClient.getEndpoints(url)
        .get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    EndpointDescription chosen = choose(config, endpoints);
    // PLCs often announce a host name the edge box cannot resolve; keep the host and port that were configured.
    chosen = EndpointUtil.updateUrl(chosen, config.endpoint().getHost(), config.endpoint().getPort());

    OpcUaClientConfig clientConfig = OpcUaClientConfig.builder()
        .setApplicationName(LocalizedText.english("CellPilot gateway"))
        .setApplicationUri(config.applicationUri())
        .setProductUri("urn:cellpilot")
        .setEndpoint(chosen)
        .setKeyPair(certificate.keyPair())
        .setCertificate(certificate.certificate())
        .setCertificateChain(certificate.chain())
        .setCertificateValidator(validator)
        .setIdentityProvider(identityProvider(config))
        .setKeepAliveInterval(uint(config.keepAliveInterval().toMillis()))
        .setKeepAliveFailuresAllowed(uint(config.keepAliveFailuresAllowed()))
        .setKeepAliveTimeout(uint(config.keepAliveTimeout().toMillis()))
        .setRequestTimeout(uint(config.requestTimeout().toMillis()))
        .setSessionTimeout(uint(config.sessionTimeout().toMillis()))
        .setSessionName(() -> "cellpilot-" + config.id())
        .build();
    OpcTcpClientTransportConfig transportConfig = OpcTcpClientTransportConfig.newBuilder()
        .setConnectTimeout(uint(config.requestTimeout().toMillis()))
        .build();
    return new OpcUaClient(clientConfig, new OpcTcpClientTransport(transportConfig));
  }

  static EndpointDescription choose(PlcConfig config, List<EndpointDescription> endpoints) {
    UserTokenType tokenType = tokenType(config.identity());
    return endpoints.stream()
        .filter(e -> config.securityPolicy().uri().equals(e.getSecurityPolicyUri()))
        .filter(e -> e.getSecurityMode() == config.securityMode().mode())
        .filter(e -> Stream.of(Objects.requireNonNullElse(e.getUserIdentityTokens(), new UserTokenPolicy[0]))
            .anyMatch(p -> p.getTokenType() == tokenType))
        .max(Comparator.comparing(e -> e.getSecurityLevel().intValue()))
        .orElseThrow(() -> new OpcUaGatewayException(OpcUaGatewayException.Code.CONFIG, config.key()
            + ".security-policy/security-mode/identity: the server offers no endpoint with "
            + config.securityPolicy() + "/" + config.securityMode() + " and " + tokenType + " users; it offers "
            + describe(endpoints)));
  }

  private static String describe(List<EndpointDescription> endpoints) {
    return endpoints.stream()
        .map(e -> e.getSecurityPolicyUri().replaceFirst(".*#", "") + "/" + e.getSecurityMode() + " "
            + Stream.of(Objects.requireNonNullElse(e.getUserIdentityTokens(), new UserTokenPolicy[0]))
                .map(p -> p.getTokenType().toString()).distinct().collect(Collectors.toList()))
        .distinct()
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static UserTokenType tokenType(IdentityConfig identity) {
    if (identity instanceof IdentityConfig.UserPassword) {
      return UserTokenType.UserName;
    }
    if (identity instanceof IdentityConfig.X509) {
      return UserTokenType.Certificate;
    }
    return UserTokenType.Anonymous;
  }

  private static IdentityProvider identityProvider(PlcConfig config) {
    IdentityConfig identity = config.identity();
    if (identity instanceof IdentityConfig.UserPassword up) {
      return new UsernameProvider(up.username(), up.password());
    }
    if (identity instanceof IdentityConfig.X509 x509) {
      X509Certificate cert = PemFiles.readCertificate(x509.certificate(), config.key() + ".identity.certificate");
      return new X509IdentityProvider(cert, PemFiles.readPrivateKey(x509.privateKey(),
          config.key() + ".identity.private-key"));
    }
    return AnonymousProvider.INSTANCE;
  }
}
