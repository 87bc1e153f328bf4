package io.cellpilot.controller.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * Camera images over MQTT 5: the payload is the image file's bytes; the part id and capture time travel as user
 * properties (docs/wire-contracts.md). An image without a part id, or larger than allowed, is refused and counted.
 */
public final class MqttCameraSource implements CameraSource {
  private final String id;
  private final MqttEndpoint endpoint;
  private final String topic;
  private final String partIdProperty;
  private final long maxBytes;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final MalformedMessages refused;
  private final LongAdder images = new LongAdder();
  private volatile ImageSink sink;
  private volatile MqttConnection connection;

  public MqttCameraSource(String id, MqttEndpoint endpoint, String topic, String partIdProperty, long maxBytes,
      Clock clock, ScheduledExecutorService scheduler) {
    this.id = id;
    this.endpoint = endpoint;
    this.topic = topic;
    this.partIdProperty = partIdProperty;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.scheduler = scheduler;
    this.refused = new MalformedMessages(id, clock, Duration.ofSeconds(10));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public synchronized void start(ImageSink sink) {
    this.sink = sink;
    connection = new MqttConnection(id, endpoint, List.of(new MqttSubscription(topic, 1)), this::onMessage,
        () -> {}, scheduler);
    connection.start();
  }

  /** Delivers to {@code sink} without connecting, so that tests can feed messages directly. */
  void attachForTest(ImageSink sink) {
    this.sink = sink;
  }

  void onMessage(String topic, MqttMessage message) {
    Instant now = clock.instant();
    MqttProperties props = message.getProperties();
    String partId = userProperty(props, partIdProperty);
    if (partId == null || partId.isBlank()) {
      refused.record(topic, "image without the user property '" + partIdProperty + "'");
      return;
    }
    byte[] bytes = message.getPayload();
    if (bytes.length == 0) {
      refused.record(topic, "empty image for part " + partId);
      return;
    }
    if (bytes.length > maxBytes) {
      refused.record(topic, "image of " + bytes.length + " bytes for part " + partId + " exceeds " + maxBytes);
      return;
    }
    Instant captured = now;
    String capturedAt = userProperty(props, "capturedAt");
    if (capturedAt != null) {
      try {
        captured = Instant.parse(capturedAt);
      } catch (DateTimeParseException e) {
        refused.record(topic, "capturedAt is not ISO-8601 for part " + partId + ": " + capturedAt);
        return;
      }
    }
    String contentType = props == null || props.getContentType() == null ? "" : props.getContentType();
    images.increment();
    ImageSink target = sink;
    if (target != null) {
      target.accept(new CameraImage(id, partId, bytes, contentType, captured, now));
    }
  }

  private static String userProperty(MqttProperties props, String name) {
    if (props == null || props.getUserProperties() == null) {
      return null;
    }
    for (UserProperty p : props.getUserProperties()) {
      if (p.getKey().equals(name)) {
        return p.getValue();
      }
    }
    return null;
  }

  @Override
  public ConnectionStatus connection() {
    MqttConnection c = connection;
    return c == null ? ConnectionStatus.down("not started") : c.status();
  }

  @Override
  public IngestStats stats() {
    return new IngestStats(images.sum() + refused.total(), images.sum(), refused.total(), refused.byTopic());
  }

  /** Idempotent: the runtime closes sources in order at shutdown, and the container may close them again. */
  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}
