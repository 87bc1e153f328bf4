package io.cellpilot.sim.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker (HiveMQ CE) inside this JVM, for the demo, small cells without a plant broker, and tests.
 *
 * <p>HiveMQ's defaults are tuned for a shared broker, not for one cell: usage statistics are on, the server receive
 * maximum is 10 and per-client queues drop under bursts. This class turns statistics off and sizes the queues for a
 * cell's traffic (see DEPENDENCIES.md pitfall 2).
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);
  private static final long START_TIMEOUT_SECONDS = 60;

  private final String bindAddress;
  private final int port;
  private final long maxQueuedMessages;
  private final int serverReceiveMaximum;
  private final Path home;
  private EmbeddedHiveMQ hiveMq;

  private EmbeddedMqttBroker(Builder builder) {
    this.bindAddress = builder.bindAddress;
    this.port = builder.port == 0 ? freePort(builder.bindAddress) : builder.port;
    this.maxQueuedMessages = builder.maxQueuedMessages;
    this.serverReceiveMaximum = builder.serverReceiveMaximum;
    try {
      this.home = Files.createTempDirectory("cellpilot-broker-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the embedded broker's folder", e);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts the broker and waits until it accepts connections. */
  public synchronized EmbeddedMqttBroker start() {
    if (hiveMq != null) {
      return this;
    }
    try {
      Path conf = Files.createDirectories(home.resolve("conf"));
      Files.writeString(conf.resolve("config.xml"), configXml());
      hiveMq = EmbeddedHiveMQ.builder()
          .withConfigurationFolder(conf)
          .withDataFolder(Files.createDirectories(home.resolve("data")))
          .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
          .withoutLoggingBootstrap()
          .build();
      hiveMq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      log.info("[broker] embedded MQTT broker listening on {}", uri());
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedded broker's configuration", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the embedded broker", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("embedded broker did not start on " + uri(), e);
    }
  }

  /** Stops the broker; safe to call twice. The broker's files are deleted. */
  public synchronized void stop() {
    if (hiveMq == null) {
      return;
    }
    try {
      hiveMq.stop().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      hiveMq.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("[broker] embedded broker on {} did not stop cleanly", uri(), e);
    } finally {
      hiveMq = null;
    }
  }

  @Override
  public void close() {
    stop();
    deleteQuietly(home);
  }

  /** The URI clients connect to, e.g. {@code tcp://127.0.0.1:1883}. */
  public String uri() {
    String host = "0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress;
    return "tcp://" + host + ":" + port;
  }

  public int port() {
    return port;
  }

  private String configXml() {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
              <strategy>discard-oldest</strategy>
            </queued-messages>
            <receive-maximum>
              <server-receive-maximum>%d</server-receive-maximum>
            </receive-maximum>
          </mqtt>
          <persistence>
            <mode>in-memory</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """.formatted(port, bindAddress, maxQueuedMessages, serverReceiveMaximum);
  }

  private static int freePort(String bindAddress) {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(bindAddress))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + bindAddress, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("[broker] could not delete {}", dir, e);
    }
  }

  /** Broker settings; the defaults suit one cell on loopback. */
  public static final class Builder {
    private String bindAddress = "127.0.0.1";
    private int port = 0;
    private long maxQueuedMessages = 100_000;
    private int serverReceiveMaximum = 1_000;

    private Builder() {}

    /** Interface to listen on; {@code 0.0.0.0} for every interface. Default loopback only. */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    /** TCP port; 0 (default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("broker port must be 0..65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Messages queued per client before the oldest are dropped. */
    public Builder maxQueuedMessages(long maxQueuedMessages) {
      this.maxQueuedMessages = maxQueuedMessages;
      return this;
    }

    /** QoS 1/2 messages a client may have in flight towards the broker. */
    public Builder serverReceiveMaximum(int serverReceiveMaximum) {
      this.serverReceiveMaximum = serverReceiveMaximum;
      return this;
    }

    public EmbeddedMqttBroker build() {
      return new EmbeddedMqttBroker(this);
    }
  }
}
