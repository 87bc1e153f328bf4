package io.cellpilot.opcua.security;

import io.cellpilot.opcua.OpcStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.validation.CertificateValidationUtil;
import org.eclipse.milo.opcua.stack.core.util.validation.ValidationCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates a peer's certificate against the file-based trust list with every optional check of OPC 10000-4 §6.1.3
 * turned on (validity period, host name, application URI, key usage, revocation), where Milo's default validators
 * only log expiry and host name failures. An untrusted certificate is saved in {@code rejected/certs} and the log
 * tells the integrator which file to move where; every rejection names its reason.
 */
public final class StrictCertificateValidator implements CertificateValidator {
  private static final Logger log = LoggerFactory.getLogger(StrictCertificateValidator.class);

  private final String peer;
  private final PkiDirectory pki;
  private final boolean peersAreClients;
  private final Consumer<String> onRejected;
  private final Runnable onAccepted;
  private final Set<String> announced = ConcurrentHashMap.newKeySet();

  /**
   * @param peer the device label for log lines, e.g. the PLC id
   * @param peersAreClients true on a server (validating client certificates), false on a client
   * @param onRejected receives the sentence that explains each rejection (for status displays)
   */
  public StrictCertificateValidator(String peer, PkiDirectory pki, boolean peersAreClients,
      Consumer<String> onRejected) {
    this(peer, pki, peersAreClients, onRejected, () -> { });
  }

  /**
   * @param onAccepted called after each certificate that passed every check, so that a status display can drop an
   *     earlier rejection once the integrator has trusted the certificate
   */
  public StrictCertificateValidator(String peer, PkiDirectory pki, boolean peersAreClients,
      Consumer<String> onRejected, Runnable onAccepted) {
    this.peer = peer;
    this.pki = pki;
    this.peersAreClients = peersAreClients;
    this.onRejected = onRejected;
    this.onAccepted = onAccepted;
  }

  @Override
  public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String[] validHostnames)
      throws UaException {
    X509Certificate leaf = chain.get(0);
    List<X509Certificate> trusted = PkiDirectory.readCertificates(pki.trustedCerts());
    List<X509Certificate> issuers = PkiDirectory.readCertificates(pki.issuerCerts());
    PKIXCertPathBuilderResult path;
    try {
      path = CertificateValidationUtil.buildTrustedCertPath(chain, trusted, issuers);
    } catch (UaException e) {
      Path file = quarantine(leaf);
      reject(leaf, e.getStatusCode().value(), "it is not in the trust list. It was saved as " + file
          + "; if this is the right " + role() + ", move that file to " + pki.trustedCerts()
          + "/ and the next connection attempt will use it", file.toString());
      throw new IllegalStateException("unreachable");
    }
    try {
      List<X509CRL> crls = new ArrayList<>(PkiDirectory.readCrls(pki.trustedCrls()));
      crls.addAll(PkiDirectory.readCrls(pki.issuerCrls()));
      CertificateValidationUtil.validateTrustedCertPath(path.getCertPath(), path.getTrustAnchor(), crls,
          ValidationCheck.ALL_OPTIONAL_CHECKS, peersAreClients);
    } catch (UaException e) {
      reject(leaf, e.getStatusCode().value(), explain(leaf, e), null);
    }
    if (applicationUri != null) {
      try {
        CertificateValidationUtil.checkApplicationUri(leaf, applicationUri);
      } catch (UaException e) {
        reject(leaf, StatusCodes.Bad_CertificateUriInvalid, "its application URI '"
            + CertificateUtil.getSanUri(leaf).orElse("(none)") + "' differs from the " + role()
            + "'s application URI '" + applicationUri + "'", null);
      }
    }
    if (validHostnames != null && validHostnames.length > 0) {
      try {
        CertificateValidationUtil.checkHostnameOrIpAddress(leaf, validHostnames);
      } catch (UaException e) {
        List<String> names = new ArrayList<>(CertificateUtil.getSanDnsNames(leaf));
        names.addAll(CertificateUtil.getSanIpAddresses(leaf));
        reject(leaf, StatusCodes.Bad_CertificateHostNameInvalid, "it names the hosts " + names
            + " but the endpoint's host is " + Arrays.toString(validHostnames), null);
      }
    }
    onAccepted.run();
  }

  private String explain(X509Certificate leaf, UaException e) {
    long code = e.getStatusCode().value();
    if (code == StatusCodes.Bad_CertificateTimeInvalid || code == StatusCodes.Bad_CertificateIssuerTimeInvalid) {
      java.time.Instant now = java.time.Instant.now();
      String when = now.isAfter(leaf.getNotAfter().toInstant()) ? "it expired on " + leaf.getNotAfter().toInstant()
          : now.isBefore(leaf.getNotBefore().toInstant()) ? "it is not valid before " + leaf.getNotBefore().toInstant()
          : "a certificate of its chain is outside its validity period";
      return when + "; the " + role() + " needs a new certificate (or check this box's clock)";
    }
    if (code == StatusCodes.Bad_CertificateRevocationUnknown
        || code == StatusCodes.Bad_CertificateIssuerRevocationUnknown) {
      return "the revocation list of its issuer is missing; put the CA's CRL into " + pki.issuerCrls() + "/ or "
          + pki.trustedCrls() + "/";
    }
    if (code == StatusCodes.Bad_CertificateUseNotAllowed || code == StatusCodes.Bad_CertificateIssuerUseNotAllowed) {
      return "its key usage does not allow use as an OPC UA application certificate";
    }
    return e.getMessage();
  }

  private void reject(X509Certificate leaf, long code, String why, String fileForDedup) throws UaException {
    String sentence = "rejected the " + role() + " certificate '" + leaf.getSubjectX500Principal().getName()
        + "' (thumbprint " + thumbprint(leaf) + ", " + OpcStatus.of(code).name() + "): " + why;
    String key = thumbprint(leaf) + code;
    if (announced.add(key)) {
      log.warn("[{}] {}", peer, sentence);
    } else {
      log.debug("[{}] {}", peer, sentence);
    }
    onRejected.accept(sentence);
    if (peersAreClients) {
      // OPC 10000-4 §7.39: a server tells an untrusted client only Bad_SecurityChecksFailed, nothing of its files.
      throw new UaException(StatusCodes.Bad_SecurityChecksFailed);
    }
    throw new UaException(code, sentence);
  }

  private Path quarantine(X509Certificate leaf) {
    String cn = leaf.getSubjectX500Principal().getName().replaceAll(".*CN=([^,]*).*", "$1");
    String name = (cn.isBlank() ? "certificate" : cn).replaceAll("[^A-Za-z0-9._-]", "_") + "_" + thumbprint(leaf)
        + ".der";
    Path file = pki.rejectedCerts().resolve(name);
    try {
      if (!Files.exists(file)) {
        Files.write(file, leaf.getEncoded());
      }
    } catch (Exception e) {
      log.warn("[{}] cannot save rejected certificate to {}: {}", peer, file, e.getMessage());
    }
    return file;
  }

  private String role() {
    return peersAreClients ? "client" : "server";
  }

  /** SHA-1 of the DER encoding, as OPC UA thumbprints are (OPC 10000-6 §6.2.3), in hex. */
  static String thumbprint(X509Certificate certificate) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
    } catch (Exception e) {
      return "unknown";
    }
  }
}
