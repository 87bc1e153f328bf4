package io.cellpilot.opcua.config;

import java.nio.file.Path;

/** How the gateway identifies its user to a server (OPC 10000-4 §7.36 user identity tokens). */
public sealed interface IdentityConfig
    permits IdentityConfig.Anonymous, IdentityConfig.UserPassword, IdentityConfig.X509 {

  /** The YAML value of {@code identity.type}. */
  String type();

  /** No user; most PLCs allow it only for reading, if at all. */
  record Anonymous() implements IdentityConfig {
    @Override
    public String type() {
      return "anonymous";
    }
  }

  /** A user name and password, sent encrypted under the endpoint's user token policy. */
  record UserPassword(String username, String password) implements IdentityConfig {
    @Override
    public String type() {
      return "username";
    }

    @Override
    public String toString() {
      return "UserPassword[username=" + username + ", password=***]";
    }
  }

  /**
   * A user certificate and its private key, both PEM (or DER for the certificate).
   *
   * @param certificate the X.509 user certificate file
   * @param privateKey the PKCS#8 PEM private key file of that certificate
   */
  record X509(Path certificate, Path privateKey) implements IdentityConfig {
    @Override
    public String type() {
      return "x509";
    }
  }

  static IdentityConfig anonymous() {
    return new Anonymous();
  }
}
