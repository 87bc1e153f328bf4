package io.cellpilot.sim.camera;

import io.cellpilot.sim.line.PartSpec;
import io.cellpilot.sim.mqtt.MqttPublisher;
import io.cellpilot.sim.sensors.DeviceJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inspection camera: for each part that reaches it, draws the part's image on its own thread (the simulation
 * never waits for it), publishes the PNG over MQTT with the part id as an MQTT 5 user property, and writes it to its
 * folder as {@code <partId>.png} through a temporary name and an atomic rename, so a folder watcher never reads half
 * a file. Keeps the last {@code keepLast} files (0: all).
 */
public final class Camera implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Camera.class);
  private static final int BACKLOG = 256;

  private final PartImageGenerator generator;
  private final LongUnaryOperator imageSeed;
  private final MqttPublisher mqtt;
  private final String topic;
  private final int qos;
  private final Path folder;
  private final int keepLast;
  private final ExecutorService worker;
  private final Deque<Path> written = new ArrayDeque<>();
  private final AtomicLong images = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  /** {@code imageSeed} maps a part's index to the seed of its image. */
  public Camera(PartImageGenerator generator, LongUnaryOperator imageSeed, MqttPublisher mqtt, String topic, int qos,
      Path folder, int keepLast) {
    this.generator = generator;
    this.imageSeed = imageSeed;
    this.mqtt = mqtt;
    this.topic = topic;
    this.qos = qos;
    this.folder = folder;
    this.keepLast = keepLast;
    // Like a real camera, it drops frames when it cannot keep up (very high time scales), rather than queue forever.
    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG), r -> {
      Thread t = new Thread(r, "cellpilot-sim-camera");
      t.setDaemon(true);
      return t;
    }, (task, executor) -> {
      long n = failures.incrementAndGet();
      if (!executor.isShutdown() && (n == 1 || n % 100 == 0)) {
        log.warn("[camera] overrun: {} pictures waiting, a part's image was dropped ({} failures so far)", BACKLOG, n);
      }
    });
  }

  /** Takes the picture of {@code part}, captured at simulated instant {@code at}; returns at once (drops it when
   * {@value #BACKLOG} pictures are already waiting). */
  public void capture(PartSpec part, Instant at) {
    worker.execute(() -> shoot(part, at));
  }

  private void shoot(PartSpec part, Instant at) {
    try {
      byte[] png = generator.render(imageSeed.applyAsLong(part.index()), part.defect()).png();
      MqttProperties properties = new MqttProperties();
      properties.setContentType("image/png");
      properties.setUserProperties(List.of(
          new UserProperty("partId", part.id()),
          new UserProperty("capturedAt", DeviceJson.TIMESTAMP.format(at)),
          new UserProperty("width", Integer.toString(generator.width())),
          new UserProperty("height", Integer.toString(generator.height()))));
      mqtt.publish(topic, png, qos, properties);
      write(part.id(), png);
      images.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet();
      log.warn("[camera] image of part {} failed", part.id(), e);
    }
  }

  private void write(String partId, byte[] png) throws IOException {
    Path target = folder.resolve(partId + ".png");
    Path temp = folder.resolve("." + partId + ".png.tmp");
    Files.write(temp, png);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    written.addLast(target);
    while (keepLast > 0 && written.size() > keepLast) {
      Files.deleteIfExists(written.removeFirst());
    }
  }

  /** Images delivered (published and written). */
  public long images() {
    return images.get();
  }

  /** Images that failed or were dropped because the camera was overrun. */
  public long failures() {
    return failures.get();
  }

  public Path folder() {
    return folder;
  }

  /** Finishes the pictures already taken, then stops the camera's thread. */
  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
