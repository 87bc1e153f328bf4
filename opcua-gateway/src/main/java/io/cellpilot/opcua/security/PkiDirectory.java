package io.cellpilot.opcua.security;

import io.cellpilot.opcua.OpcUaGatewayException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PKI folder layout of OPC 10000-12 §F.1 that integrators know from other OPC UA products:
 * {@code own/} (this application's certificate and key), {@code trusted/certs}, {@code trusted/crl},
 * {@code issuers/certs}, {@code issuers/crl} and {@code rejected/certs}. Folders are read on every use, so a
 * certificate moved into {@code trusted/certs} counts from the next handshake on, without a restart.
 */
public record PkiDirectory(Path root) {
  private static final Logger log = LoggerFactory.getLogger(PkiDirectory.class);

  /** Opens the folder, creating any missing part of the layout. */
  public static PkiDirectory open(Path root) {
    PkiDirectory pki = new PkiDirectory(root.toAbsolutePath().normalize());
    for (Path dir : List.of(pki.own(), pki.trustedCerts(), pki.trustedCrls(), pki.issuerCerts(), pki.issuerCrls(),
        pki.rejectedCerts())) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new OpcUaGatewayException(OpcUaGatewayException.Code.SECURITY,
            "cannot create PKI folder " + dir + ": " + e.getMessage(), e);
      }
    }
    return pki;
  }

  public Path own() {
    return root.resolve("own");
  }

  public Path trustedCerts() {
    return root.resolve("trusted").resolve("certs");
  }

  public Path trustedCrls() {
    return root.resolve("trusted").resolve("crl");
  }

  public Path issuerCerts() {
    return root.resolve("issuers").resolve("certs");
  }

  public Path issuerCrls() {
    return root.resolve("issuers").resolve("crl");
  }

  public Path rejectedCerts() {
    return root.resolve("rejected").resolve("certs");
  }

  /** Certificates in a folder (DER or PEM, one or more per file); unreadable files are logged and skipped. */
  public static List<X509Certificate> readCertificates(Path dir) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Path file : files(dir)) {
      try (InputStream in = Files.newInputStream(file)) {
        certificates.addAll(CertificateUtil.decodeCertificates(in));
      } catch (Exception e) {
        log.warn("[pki] skipping {}: not a certificate ({})", file, e.getMessage());
      }
    }
    return certificates;
  }

  /** Revocation lists in a folder; unreadable files are logged and skipped. */
  public static List<X509CRL> readCrls(Path dir) {
    List<X509CRL> crls = new ArrayList<>();
    for (Path file : files(dir)) {
      try (InputStream in = Files.newInputStream(file)) {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        factory.generateCRLs(in).forEach(crl -> crls.add((X509CRL) crl));
      } catch (IOException | CertificateException | CRLException e) {
        log.warn("[pki] skipping {}: not a revocation list ({})", file, e.getMessage());
      }
    }
    return crls;
  }

  private static List<Path> files(Path dir) {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
          files.add(p);
        }
      }
    } catch (IOException e) {
      log.warn("[pki] cannot list {}: {}", dir, e.getMessage());
    }
    return files;
  }
}
