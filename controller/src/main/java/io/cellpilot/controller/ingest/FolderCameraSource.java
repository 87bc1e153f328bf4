package io.cellpilot.controller.ingest;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camera images from a folder the camera writes {@code <partId>.<ext>} into. Cameras (and the simulator) write to a
 * temporary name and rename, so a file appears complete under its final name: this watcher acts on create and
 * rename-in events for the final extension only and ignores dot-files and temporary names. A camera that writes in
 * place is not supported (a half-written file would be read); the docs say so.
 */
public final class FolderCameraSource implements CameraSource {
  private static final Logger log = LoggerFactory.getLogger(FolderCameraSource.class);

  private final String id;
  private final Path folder;
  private final String extension;
  private final long maxBytes;
  private final Clock clock;
  private final MalformedMessages refused;
  private final LongAdder images = new LongAdder();
  private volatile WatchService watcher;
  private volatile boolean running;
  private volatile String problem = "not started";
  private Thread thread;

  public FolderCameraSource(String id, Path folder, String extension, long maxBytes, Clock clock) {
    this.id = id;
    this.folder = folder;
    this.extension = "." + extension.toLowerCase(Locale.ROOT);
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.refused = new MalformedMessages(id, clock, Duration.ofSeconds(10));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public synchronized void start(ImageSink sink) {
    try {
      Files.createDirectories(folder);
      watcher = FileSystems.getDefault().newWatchService();
      // On Linux a rename into the folder arrives as ENTRY_CREATE under the new name.
      folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
    } catch (IOException e) {
      problem = "cannot watch " + folder + ": " + e.getMessage();
      log.error("[{}] {}", id, problem);
      return;
    }
    running = true;
    problem = "";
    thread = new Thread(() -> watch(sink), "camera-" + id);
    thread.setDaemon(true);
    thread.start();
    log.info("[{}] watching {} for *{}", id, folder, extension);
  }

  private void watch(ImageSink sink) {
    while (running) {
      WatchKey key;
      try {
        key = watcher.take();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
          refused.record(folder.toString(), "watch events overflowed: some images were not seen");
          continue;
        }
        Path name = (Path) event.context();
        handle(folder.resolve(name), sink);
      }
      if (!key.reset()) {
        problem = folder + " is no longer accessible";
        log.error("[{}] {}", id, problem);
        return;
      }
    }
  }

  void handle(Path file, ImageSink sink) {
    String name = file.getFileName().toString();
    if (name.startsWith(".") || !name.toLowerCase(Locale.ROOT).endsWith(extension)) {
      return;
    }
    String partId = name.substring(0, name.length() - extension.length());
    Instant now = clock.instant();
    try {
      long size = Files.size(file);
      if (size == 0 || size > maxBytes) {
        refused.record(file.toString(), "image of " + size + " bytes refused (allowed 1.." + maxBytes + ")");
        return;
      }
      byte[] bytes = Files.readAllBytes(file);
      images.increment();
      String type = extension.equals(".png") ? "image/png" : "";
      sink.accept(new CameraImage(id, partId, bytes, type, Files.getLastModifiedTime(file).toInstant(), now));
    } catch (IOException e) {
      // The file may have been moved away between the event and the read: count it, do not crash the watcher.
      refused.record(file.toString(), "unreadable: " + e.getMessage());
    }
  }

  @Override
  public ConnectionStatus connection() {
    return running ? ConnectionStatus.up("watching " + folder) : ConnectionStatus.down(problem);
  }

  @Override
  public IngestStats stats() {
    return new IngestStats(images.sum() + refused.total(), images.sum(), refused.total(), refused.byTopic());
  }

  @Override
  public synchronized void close() {
    running = false;
    try {
      if (watcher != null) {
        watcher.close();
      }
    } catch (IOException e) {
      log.debug("[{}] closing the watcher", id, e);
    }
  }
}
