package io.cellpilot.sim.sensors;

import io.cellpilot.sim.faults.SensorKey;
import io.cellpilot.sim.machines.MeterReading;
import io.cellpilot.sim.model.SensorMessage;
import io.cellpilot.sim.mqtt.MqttPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The health sensors and power meters on MQTT: topics {@code <prefix>/<machine>/<quantity>},
 * {@code <prefix>/<machine>/vibration/raw} and {@code <prefix>/meters/<meter>} (docs/wire-contracts.md).
 */
public final class DevicePublisher {

  private final MqttPublisher mqtt;
  private final String prefix;
  private final int qos;
  private final AtomicLong sensorMessages = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong meterMessages = new AtomicLong();

  public DevicePublisher(MqttPublisher mqtt, String prefix, int qos) {
    this.mqtt = mqtt;
    this.prefix = prefix;
    this.qos = qos;
  }

  public void sensor(SensorMessage message) {
    String topic;
    byte[] payload;
    if (message instanceof SensorMessage.Value v) {
      topic = topic(v.sensor());
      payload = utf8(DeviceJson.value(v.time(), v.value(), v.sensor().quantity().unit(), digits(v.sensor())));
    } else if (message instanceof SensorMessage.Window w) {
      topic = prefix + "/" + w.machine().key() + "/vibration/raw";
      payload = utf8(DeviceJson.window(w));
    } else {
      SensorMessage.Malformed m = (SensorMessage.Malformed) message;
      topic = topic(m.sensor()) + (m.raw() ? "/raw" : "");
      payload = DeviceJson.malformed(m.time(), m.raw() ? "g" : m.sensor().quantity().unit(), m.variant());
      malformed.incrementAndGet();
    }
    if (mqtt.publish(topic, payload, qos, null)) {
      sensorMessages.incrementAndGet();
    }
  }

  /** {@code meter} is {@code main} or a machine key. */
  public void meter(String meter, Instant at, MeterReading reading) {
    if (mqtt.publish(prefix + "/meters/" + meter, utf8(DeviceJson.meter(at, reading)), qos, null)) {
      meterMessages.incrementAndGet();
    }
  }

  public long sensorMessages() {
    return sensorMessages.get();
  }

  public long malformedMessages() {
    return malformed.get();
  }

  public long meterMessages() {
    return meterMessages.get();
  }

  private String topic(SensorKey key) {
    return prefix + "/" + key.machine().key() + "/" + key.quantity().label();
  }

  private static int digits(SensorKey key) {
    return key.quantity() == SensorKey.Quantity.BEARING_TEMPERATURE ? 2 : 3;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
