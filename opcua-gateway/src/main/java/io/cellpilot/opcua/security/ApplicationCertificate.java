package io.cellpilot.opcua.security;

import io.cellpilot.opcua.OpcUaGatewayException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This application's instance certificate (OPC 10000-4 §6.1): created on first start in the PKI's {@code own/} folder
 * and kept, so that PLCs that trusted it once go on trusting it. {@code own/<name>.der} is the file to copy into a
 * PLC's trust list.
 */
public record ApplicationCertificate(KeyPair keyPair, X509Certificate certificate) {
  private static final Logger log = LoggerFactory.getLogger(ApplicationCertificate.class);
  private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
  // The key store is protected by the folder's file permissions; a password in the same config would add nothing.
  private static final char[] STORE_PASSWORD = "cellpilot".toCharArray();
  private static final String ALIAS = "application";

  public X509Certificate[] chain() {
    return new X509Certificate[] {certificate};
  }

  /** Loads {@code own/<name>.pfx}, or creates a 2048-bit RSA certificate valid for 5 years when it is missing. */
  public static synchronized ApplicationCertificate loadOrCreate(PkiDirectory pki, String name,
      String applicationUri, List<String> extraHostnames) {
    Path store = pki.own().resolve(name + ".pfx");
    try {
      if (Files.exists(store)) {
        ApplicationCertificate loaded = load(store);
        String sanUri = CertificateUtil.getSanUri(loaded.certificate()).orElse("");
        if (!sanUri.equals(applicationUri)) {
          throw new OpcUaGatewayException(OpcUaGatewayException.Code.SECURITY, "the certificate in " + store
              + " was made for application URI '" + sanUri + "' but the configured application-uri is '"
              + applicationUri + "'; set application-uri back, or delete " + store + " to create a new certificate"
              + " (peers must then trust the new one)");
        }
        return loaded;
      }
      ApplicationCertificate created = create(applicationUri, name, extraHostnames);
      save(store, created);
      Path der = pki.own().resolve(name + ".der");
      Files.write(der, created.certificate().getEncoded());
      log.info("[pki] created application certificate {} for {}; give {} to the peers that must trust it", store,
          applicationUri, der);
      return created;
    } catch (OpcUaGatewayException e) {
      throw e;
    } catch (Exception e) {
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.SECURITY,
          "cannot load or create the application certificate " + store + ": " + e.getMessage(), e);
    }
  }

  private static ApplicationCertificate create(String applicationUri, String commonName, List<String> extraHostnames)
      throws Exception {
    KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
    SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
        .setCommonName(commonName)
        .setOrganization("CellPilot")
        .setApplicationUri(applicationUri)
        .setValidityPeriod(Period.ofYears(5));
    for (String host : hostnames(extraHostnames)) {
      if (IPV4.matcher(host).matches()) {
        builder.addIpAddress(host);
      } else {
        builder.addDnsName(host);
      }
    }
    return new ApplicationCertificate(keyPair, builder.build());
  }

  private static Set<String> hostnames(List<String> extra) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
    try {
      names.add(InetAddress.getLocalHost().getHostName());
    } catch (Exception e) {
      log.debug("[pki] local host name unknown: {}", e.getMessage());
    }
    names.addAll(extra);
    return names;
  }

  private static void save(Path store, ApplicationCertificate cert) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, STORE_PASSWORD);
    keyStore.setKeyEntry(ALIAS, cert.keyPair().getPrivate(), STORE_PASSWORD, cert.chain());
    Path tmp = store.resolveSibling(store.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      keyStore.store(out, STORE_PASSWORD);
    }
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      log.debug("[pki] no POSIX permissions on this file system for {}", store);
    }
    Files.move(tmp, store);
  }

  private static ApplicationCertificate load(Path store) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, STORE_PASSWORD);
    }
    PrivateKey key = (PrivateKey) keyStore.getKey(ALIAS, STORE_PASSWORD);
    X509Certificate certificate = (X509Certificate) keyStore.getCertificate(ALIAS);
    if (key == null || certificate == null) {
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.SECURITY,
          store + " has no '" + ALIAS + "' key entry; delete it to create a new certificate");
    }
    return new ApplicationCertificate(new KeyPair(certificate.getPublicKey(), key), certificate);
  }
}
