package io.cellpilot.controller.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parts an operator must judge, kept on disk so a restart loses none: each pending part is a JSON file and its image
 * under {@code review/pending/}, written to a temporary name and renamed. Resolving a part files the image and a JSON
 * line with the answer under {@code labels/<label>/}, the layout the vision tools train from (good images in
 * {@code labels/good}, each defect in its own folder). Bounded: when full, new parts are refused (and held), never
 * silently dropped.
 */
public final class ReviewQueue {
  private static final Logger log = LoggerFactory.getLogger(ReviewQueue.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}");

  private final Path pending;
  private final Path labels;
  private final int capacity;
  private final Map<String, ReviewItem> items = new LinkedHashMap<>();

  public ReviewQueue(Path dataDir, int capacity) {
    this.pending = dataDir.resolve("review").resolve("pending");
    this.labels = dataDir.resolve("labels");
    this.capacity = capacity;
    try {
      Files.createDirectories(pending);
      Files.createDirectories(labels);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the review queue in " + pending, e);
    }
    load();
  }

  /** Queues a part with its image; throws {@link ReviewException} when the queue is full. */
  public synchronized ReviewItem add(ReviewItem item, byte[] image, String extension) {
    if (items.containsKey(item.partId())) {
      return items.get(item.partId());
    }
    if (items.size() >= capacity) {
      throw new ReviewException("review queue is full (" + capacity + " parts)");
    }
    String base = fileName(item.partId());
    String imageFile = image == null ? "" : base + "." + extension;
    ReviewItem stored = new ReviewItem(item.partId(), item.time(), item.score(), item.threshold(),
        item.modelVersion(), item.action(), item.reason(), item.imageSha256(), imageFile);
    try {
      if (image != null) {
        writeAtomically(pending.resolve(imageFile), image);
      }
      // The JSON is written last: a crash in between leaves an orphan image, never an entry without its image.
      writeAtomically(pending.resolve(base + ".json"), JSON.writeValueAsBytes(stored));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot queue part " + item.partId() + " for review in " + pending, e);
    }
    items.put(item.partId(), stored);
    return stored;
  }

  /**
   * Files the operator's answer as a label for retraining and removes the part from the queue.
   *
   * @param label {@code good} or a defect name (lower case, digits, '-' and '_')
   */
  public synchronized ReviewItem resolve(String partId, String label, String user) {
    if (label == null || !LABEL.matcher(label).matches()) {
      throw new ReviewException("label must be 'good' or a defect name of lower-case letters, digits, '-' or '_', was "
          + label);
    }
    ReviewItem item = items.get(partId);
    if (item == null) {
      throw new ReviewException("part " + partId + " is not waiting for review");
    }
    String base = fileName(partId);
    try {
      Path target = Files.createDirectories(labels.resolve(label));
      if (!item.imageFile().isEmpty()) {
        Files.move(pending.resolve(item.imageFile()), target.resolve(item.imageFile()),
            StandardCopyOption.REPLACE_EXISTING);
      }
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("partId", partId);
      answer.put("label", label);
      answer.put("user", user);
      answer.put("resolvedAt", java.time.Instant.now().toString());
      answer.put("review", item);
      writeAtomically(target.resolve(base + ".json"), JSON.writeValueAsBytes(answer));
      Files.deleteIfExists(pending.resolve(base + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot file the label of part " + partId + " under " + labels, e);
    }
    items.remove(partId);
    return item;
  }

  public synchronized List<ReviewItem> list() {
    return new ArrayList<>(items.values());
  }

  public synchronized Optional<ReviewItem> get(String partId) {
    return Optional.ofNullable(items.get(partId));
  }

  /** The image file of a waiting part. */
  public synchronized Optional<Path> image(String partId) {
    ReviewItem item = items.get(partId);
    return item == null || item.imageFile().isEmpty() ? Optional.empty()
        : Optional.of(pending.resolve(item.imageFile()));
  }

  public synchronized int size() {
    return items.size();
  }

  public int capacity() {
    return capacity;
  }

  private void load() {
    List<ReviewItem> loaded = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(pending, "*.json")) {
      for (Path f : files) {
        try {
          loaded.add(JSON.readValue(Files.readAllBytes(f), ReviewItem.class));
        } catch (IOException e) {
          log.warn("[review] skipping unreadable review entry {}: {}", f, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the review queue in " + pending, e);
    }
    loaded.sort(Comparator.comparing(ReviewItem::time));
    loaded.forEach(i -> items.put(i.partId(), i));
    if (!items.isEmpty()) {
      log.info("[review] {} part(s) waiting for review from before the restart", items.size());
    }
  }

  /** A file name that is safe for any part id: the id itself when harmless, otherwise its hash. */
  static String fileName(String partId) {
    if (SAFE_ID.matcher(partId).matches() && !partId.contains("..")) {
      return partId;
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(partId.getBytes(StandardCharsets.UTF_8));
      return "part-" + HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
