package io.cellpilot.sim.plc;

import io.cellpilot.sim.SimException;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The simulated PLC's self-signed application instance certificate for its Basic256Sha256 endpoints. Its subject
 * alternative names carry the application URI (OPC UA Part 6, 6.2.2) and every host name a client may use. Key
 * generation takes a noticeable fraction of a second, so one certificate per set of host names is shared by every
 * PLC in this JVM (tests start many cells).
 */
record PlcCertificate(KeyPair keyPair, X509Certificate certificate) {

  static final String APPLICATION_URI = "urn:cellpilot:sim:plc:server";
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Map<Set<String>, PlcCertificate> CACHE = new ConcurrentHashMap<>();

  static PlcCertificate forHosts(Set<String> hostNames) {
    return CACHE.computeIfAbsent(new TreeSet<>(hostNames), PlcCertificate::generate);
  }

  /** The names a client may find in endpoint URLs: loopback, the bind address, and this machine's name. */
  static Set<String> hostNames(String bindAddress, String endpointHost) {
    Set<String> names = new TreeSet<>(List.of("localhost", "127.0.0.1", endpointHost));
    if (!"0.0.0.0".equals(bindAddress)) {
      names.add(bindAddress);
    }
    try {
      names.add(InetAddress.getLocalHost().getHostName());
    } catch (Exception e) {
      // no resolvable host name: loopback names are enough for tests
    }
    return names;
  }

  private static PlcCertificate generate(Set<String> hostNames) {
    try {
      KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
      SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
          .setCommonName("CellPilot simulated PLC")
          .setOrganization("CellPilot")
          .setOrganizationalUnit("simulator")
          .setApplicationUri(APPLICATION_URI);
      for (String host : hostNames) {
        if (IPV4.matcher(host).matches()) {
          builder.addIpAddress(host);
        } else {
          builder.addDnsName(host);
        }
      }
      return new PlcCertificate(keyPair, builder.build());
    } catch (Exception e) {
      throw new SimException(SimException.Code.START_FAILED, "cannot create the PLC's self-signed certificate", e);
    }
  }
}
