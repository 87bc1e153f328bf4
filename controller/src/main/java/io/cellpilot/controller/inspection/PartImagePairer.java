package io.cellpilot.controller.inspection;

import io.cellpilot.controller.ingest.CameraImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pairs a part's arrival (from the PLC) with its image (from the camera) by part id, whichever comes first, and
 * gives up on either after a timeout. Time is passed in, so the pairing is deterministic and tests need no clock.
 * Not thread-safe: the pipeline calls it from one thread.
 */
public final class PartImagePairer {

  /** What became of a part or an image that waited too long. */
  public sealed interface Expired permits PartWithoutImage, ImageWithoutPart {}

  public record PartWithoutImage(String partId, Instant arrivedAt) implements Expired {}

  public record ImageWithoutPart(CameraImage image) implements Expired {}

  /** A part and its image. */
  public record Pair(String partId, Instant arrivedAt, CameraImage image) {}

  private final Duration timeout;
  private final int capacity;
  private final Map<String, Instant> parts = new LinkedHashMap<>();
  private final Map<String, CameraImage> images = new LinkedHashMap<>();
  private final Map<String, Instant> imageSeen = new LinkedHashMap<>();

  /** @param capacity parts (and images) that may wait at once; beyond it the oldest expires early */
  public PartImagePairer(Duration timeout, int capacity) {
    this.timeout = timeout;
    this.capacity = capacity;
  }

  /** A part arrived; returns its pair when its image was already waiting. */
  public Optional<Pair> part(String partId, Instant now) {
    CameraImage image = images.remove(partId);
    if (image != null) {
      imageSeen.remove(partId);
      return Optional.of(new Pair(partId, now, image));
    }
    parts.putIfAbsent(partId, now);
    return Optional.empty();
  }

  /** An image arrived; returns its pair when its part was already waiting. A second image for a part is ignored. */
  public Optional<Pair> image(CameraImage image, Instant now) {
    Instant arrived = parts.remove(image.partId());
    if (arrived != null) {
      return Optional.of(new Pair(image.partId(), arrived, image));
    }
    if (!images.containsKey(image.partId())) {
      images.put(image.partId(), image);
      imageSeen.put(image.partId(), now);
    }
    return Optional.empty();
  }

  /** Removes and returns everything that waited longer than the timeout, or beyond capacity. */
  public List<Expired> expire(Instant now) {
    List<Expired> out = new ArrayList<>();
    Instant limit = now.minus(timeout);
    for (Iterator<Map.Entry<String, Instant>> it = parts.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().isBefore(limit) || parts.size() > capacity) {
        out.add(new PartWithoutImage(e.getKey(), e.getValue()));
        it.remove();
      }
    }
    for (Iterator<Map.Entry<String, Instant>> it = imageSeen.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().isBefore(limit) || imageSeen.size() > capacity) {
        out.add(new ImageWithoutPart(images.remove(e.getKey())));
        it.remove();
      }
    }
    return out;
  }

  public int waitingParts() {
    return parts.size();
  }

  public int waitingImages() {
    return images.size();
  }
}
