package io.cellpilot.status.mqtt;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.events.InProcessEventBus;
import io.cellpilot.status.StatusConfig;
import io.cellpilot.status.StatusService;
import io.cellpilot.status.testing.Mosquitto;
import io.cellpilot.status.testing.SampleEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and a username/password to the plant broker are configuration: mosquitto with a test CA made here by openssl,
 * a password file, and no anonymous access.
 */
class TlsAndCredentialsTest {
  @TempDir static Path dir;
  static Mosquitto broker;

  @BeforeAll
  static void startTlsBroker() throws Exception {
    Mosquitto.binary();
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days",
        "2", "-subj", "/CN=CellPilot test CA");
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
        "/CN=localhost");
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "server.crt", "-days", "2", "-extfile", "san.ext");
    run("mosquitto_passwd", "-b", "-c", "passwd", "cell1", "s3cret-pass");
    broker = new Mosquitto(dir, List.of(
        "cafile " + dir.resolve("ca.crt"),
        "certfile " + dir.resolve("server.crt"),
        "keyfile " + dir.resolve("server.key"),
        "password_file " + dir.resolve("passwd"),
        "allow_anonymous false")).start();
  }

  @org.junit.jupiter.api.AfterAll
  static void stop() {
    broker.close();
  }

  private MqttConfig tls(String user, String password) {
    return MqttConfig.plain("ssl://127.0.0.1:" + broker.port(), "tls-test").withCredentials(user, password)
        .withTls(dir.resolve("ca.crt"), null, null);
  }

  @Test
  void theStatusPublisherConnectsOverTlsWithItsCredentials() throws Exception {
    InProcessEventBus bus = new InProcessEventBus();
    StatusConfig config = StatusConfig.defaults("plant1", "tls", dir.resolve("data")).withPublishers(true, false);
    try (StatusService service = StatusService.start(config, tls("cell1", "s3cret-pass"), bus, null,
        Clock.systemUTC())) {
      new SampleEvents(1L).everyType().forEach(bus::publish);
      await().atMost(15, SECONDS).until(() -> service.stats().json().published() >= 10);
      assertTrue(service.stats().json().connected());
    }
  }

  @Test
  void aWrongPasswordOrAPlainConnectionIsRefused() {
    MqttException wrong = assertThrows(MqttException.class,
        () -> MqttLink.connect(tls("cell1", "wrong"), "tls-wrong", null).close());
    // MQTT 5 reason 0x86 (bad user name or password) or 0x87 (not authorized, what mosquitto 2 answers).
    assertTrue(wrong.getReasonCode() == 0x86 || wrong.getReasonCode() == 0x87, "reason " + wrong.getReasonCode());
    assertThrows(MqttException.class, () -> MqttLink.connect(
        MqttConfig.plain("tcp://127.0.0.1:" + broker.port(), "plain").withCredentials("cell1", "s3cret-pass"),
        "plain-on-tls", null).close());
  }

  @Test
  void tlsSettingsWithoutAnSslUriAreAConfigurationErrorNamingTheKey() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MqttConfig.plain("tcp://127.0.0.1:1883", "x").withTls(dir.resolve("ca.crt"), null, null));
    assertEquals("cellpilot.mqtt.tls.* is set but cellpilot.mqtt.server-uri is not ssl://", e.getMessage());
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("openssl.log").toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + " failed: "
        + Files.readString(dir.resolve("openssl.log")));
  }
}
