package io.cellpilot.status.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Socket factories for Paho that switch Nagle off: Paho v5 never sets TCP_NODELAY, which caps QoS 1 publishing near
 * 1k messages/s (DEPENDENCIES.md pitfall 3). The TLS variant trusts the configured CA and presents the configured
 * client certificate.
 */
public final class NoDelaySocketFactories {
  private NoDelaySocketFactories() {}

  /** The factory for {@code config}: plain TCP, or TLS when the URI is {@code ssl://}. */
  public static SocketFactory forConfig(MqttConfig config) {
    if (!config.serverUri().startsWith("ssl://")) {
      return new Plain(SocketFactory.getDefault());
    }
    try {
      return new Tls(sslContext(config).getSocketFactory());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cellpilot.mqtt.tls: cannot set up TLS: " + e.getMessage(), e);
    }
  }

  static SSLContext sslContext(MqttConfig config) throws IOException, GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (config.caFile() == null) {
      tmf.init((KeyStore) null);
    } else {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      try (InputStream in = Files.newInputStream(config.caFile())) {
        int i = 0;
        for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          trust.setCertificateEntry("ca-" + i++, cert);
        }
        if (i == 0) {
          throw new GeneralSecurityException("no certificate in " + config.caFile());
        }
      }
      tmf.init(trust);
    }
    KeyManagerFactory kmf = null;
    if (config.keyStore() != null) {
      char[] password = config.keyStorePassword() == null ? new char[0] : config.keyStorePassword().toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(config.keyStore())) {
        keys.load(in, password);
      }
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, password);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  private static <S extends Socket> S noDelay(S socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  private static final class Plain extends SocketFactory {
    private final SocketFactory delegate;

    Plain(SocketFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(delegate.createSocket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(delegate.createSocket(host, port, local, localPort));
    }
  }

  private static final class Tls extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    Tls(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
      return noDelay(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(delegate.createSocket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(delegate.createSocket(host, port, local, localPort));
    }
  }
}
