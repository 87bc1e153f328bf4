package io.cellpilot.controller.wiring;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.status.StatusPublishers;
import io.cellpilot.status.mqtt.MqttConfig;
import io.cellpilot.status.mqtt.NoDelaySocketFactories;
import io.cellpilot.status.testing.Mosquitto;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One broker setting for everything MQTT: a plant broker over TLS with a user (a real mosquitto with an openssl-made
 * CA, no anonymous access) serves both the sensor ingest and the status publishers from {@code cellpilot.mqtt.*}.
 */
class PlantBrokerTlsTest {
  @TempDir
  static Path dir;
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
    broker = new Mosquitto(dir, List.of("cafile " + dir.resolve("ca.crt"), "certfile " + dir.resolve("server.crt"),
        "keyfile " + dir.resolve("server.key"), "password_file " + dir.resolve("passwd"),
        "allow_anonymous false")).start();
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void sensorIngestAndStatusPublishersBothUseTheTlsPlantBrokerFromTheSameKeys() throws Exception {
    String url = "ssl://127.0.0.1:" + broker.port();
    Map<String, Object> p = new HashMap<>();
    p.put("cellpilot.data-dir", dir.resolve("data").toString());
    p.put("cellpilot.cell", "tls-cell");
    p.put("cellpilot.mqtt.broker-url", url);
    p.put("cellpilot.mqtt.username", "cell1");
    p.put("cellpilot.mqtt.password", "s3cret-pass");
    p.put("cellpilot.mqtt.tls.ca-file", dir.resolve("ca.crt").toString());
    p.put("cellpilot.mqtt-sources.sensors.mappings.vibration.topic", "plant/+/vibration");
    p.put("cellpilot.mqtt-sources.sensors.mappings.vibration.tag", "{1}.vibration");
    p.put("cellpilot.status.sparkplug.enabled", false);
    try (ApplicationContext context = ApplicationContext.run(p)) {
      StatusPublishers status = context.getBean(StatusPublishers.class);
      await().atMost(20, SECONDS).until(() -> status.stats().map(s -> s.json().connected()).orElse(false));
      MqttConfig tls = MqttConfig.plain(url, "tls-sensor").withCredentials("cell1", "s3cret-pass")
          .withTls(dir.resolve("ca.crt"), null, null);
      MqttClient sensor = new MqttClient(url, "tls-sensor", new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setUserName("cell1");
      options.setPassword("s3cret-pass".getBytes(StandardCharsets.UTF_8));
      options.setSocketFactory(NoDelaySocketFactories.forConfig(tls));
      sensor.connect(options);
      try {
        CellState state = context.getBean(CellState.class);
        await().atMost(20, SECONDS).until(() -> {
          sensor.publish("plant/press/vibration", "{\"value\":2.5}".getBytes(StandardCharsets.UTF_8), 1, false);
          return state.read("press.vibration").fresh();
        });
        assertEquals(2.5, state.read("press.vibration").value().orElseThrow());
      } finally {
        sensor.disconnect();
        sensor.close();
      }
    }
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("openssl.log").toFile()).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, String.join(" ", command)
        + " failed: " + Files.readString(dir.resolve("openssl.log")));
  }
}
