package io.cellpilot.opcua.security;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Registers BouncyCastle once: the JDK has no {@code SHA256withRSA/PSS} signature, which Aes256_Sha256_RsaPss needs
 * (OPC 10000-7, RSA-PSS-SHA2-256); without it the secure channel fails with Bad_InternalError.
 */
public final class CryptoProviders {
  private CryptoProviders() {}

  public static synchronized void install() {
    if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
      Security.addProvider(new BouncyCastleProvider());
    }
  }
}
