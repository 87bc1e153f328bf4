package io.cellpilot.controller.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.Test;

class MqttCameraSourceTest {
  private final List<CameraImage> images = new ArrayList<>();
  private final MqttCameraSource camera = new MqttCameraSource("cam", new MqttEndpoint(URI.create("tcp://unused:1"),
      "c", null, null), "factory/line1/camera/inspection", "partId", 100, Clock.systemUTC(), null);

  private static MqttMessage image(int bytes, String... userProperties) {
    MqttMessage m = new MqttMessage(new byte[bytes]);
    MqttProperties p = new MqttProperties();
    p.setContentType("image/png");
    List<UserProperty> user = new ArrayList<>();
    for (int i = 0; i < userProperties.length; i += 2) {
      user.add(new UserProperty(userProperties[i], userProperties[i + 1]));
    }
    p.setUserProperties(user);
    m.setProperties(p);
    return m;
  }

  @Test
  void theWireContractsImageBecomesACameraImageWithItsPartIdAndCaptureTime() {
    camera.attachForTest(images::add);
    camera.onMessage("factory/line1/camera/inspection",
        image(10, "partId", "P-1", "capturedAt", "2026-11-22T10:15:30.125Z", "width", "64"));
    assertEquals(1, images.size());
    assertEquals("P-1", images.get(0).partId());
    assertEquals(Instant.parse("2026-11-22T10:15:30.125Z"), images.get(0).capturedAt());
    assertEquals("image/png", images.get(0).contentType());
  }

  @Test
  void imagesWithoutPartIdEmptyTooLargeOrWithABadTimeAreRefusedAndCounted() {
    camera.attachForTest(images::add);
    String topic = "factory/line1/camera/inspection";
    camera.onMessage(topic, image(10, "capturedAt", "2026-11-22T10:15:30Z"));
    camera.onMessage(topic, image(0, "partId", "P-2"));
    camera.onMessage(topic, image(101, "partId", "P-3"));
    camera.onMessage(topic, image(10, "partId", "P-4", "capturedAt", "noon"));
    assertEquals(List.of(), images);
    assertEquals(4, camera.stats().malformed());
    assertEquals(Map.of(topic, 4L), camera.stats().malformedByTopic());
  }
}
