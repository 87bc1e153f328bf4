package io.cellpilot.opcua.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/** Trust set-up between test peers, as an integrator would do it: copy a certificate into trusted/certs. */
public final class TestPki {
  private TestPki() {}

  /** Copies the server's own certificate (created on its first start) into the client's trust list. */
  public static void trustServer(Path serverPki, Path clientPki) {
    copy(serverPki.resolve("own/cellpilot-server.der"), clientPki.resolve("trusted/certs/test-plc.der"));
  }

  public static void trust(X509Certificate certificate, Path pki, String fileName) {
    try {
      Files.createDirectories(pki.resolve("trusted/certs"));
      Files.write(pki.resolve("trusted/certs").resolve(fileName), certificate.getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
