package io.cellpilot.opcua.security;

import io.cellpilot.opcua.OpcUaGatewayException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;

/** Reads certificates (PEM or DER) and unencrypted private keys (PKCS#8 or PKCS#1 PEM) named in configuration. */
public final class PemFiles {
  private PemFiles() {}

  /** The first certificate in {@code file}; errors name {@code key}. */
  public static X509Certificate readCertificate(Path file, String key) {
    try (InputStream in = Files.newInputStream(file)) {
      return CertificateUtil.decodeCertificate(in);
    } catch (Exception e) {
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.CONFIG,
          key + " must be a readable X.509 certificate file (PEM or DER), was " + file + ": " + e.getMessage(), e);
    }
  }

  /** The private key in {@code file}; errors name {@code key}. */
  public static PrivateKey readPrivateKey(Path file, String key) {
    try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
      Object pem = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (pem instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (pem instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      throw new IllegalArgumentException("no unencrypted private key found");
    } catch (Exception e) {
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.CONFIG,
          key + " must be an unencrypted PEM private key file, was " + file + ": " + e.getMessage(), e);
    }
  }
}
