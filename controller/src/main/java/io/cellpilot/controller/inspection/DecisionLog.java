package io.cellpilot.controller.inspection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every inspection decision, appended as one JSON line to {@code decisions.jsonl} and flushed at once (the file is
 * the record an auditor or a retraining job reads). The most recent ones are also kept in memory for the API, and
 * reloaded from the file's tail at start so a restart does not empty the list.
 */
public final class DecisionLog implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);
  private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
  private static final int TAIL_BYTES = 1 << 20;

  private final Path file;
  private final int recentCapacity;
  private final Deque<DecisionRecord> recent = new ArrayDeque<>();
  private final Writer writer;

  public DecisionLog(Path file, int recentCapacity) {
    this.file = file;
    this.recentCapacity = recentCapacity;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      loadTail();
      writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the decision log " + file, e);
    }
  }

  public synchronized void append(DecisionRecord record) {
    try {
      writer.write(JSON.writeValueAsString(record));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      // The decision stands (the part has moved on); the log line is lost and that is said loudly.
      log.error("[decisions] could not append the decision for part {} to {}", record.partId(), file, e);
    }
    recent.addFirst(record);
    while (recent.size() > recentCapacity) {
      recent.removeLast();
    }
  }

  /** Newest first. */
  public synchronized List<DecisionRecord> recent(int limit) {
    return recent.stream().limit(Math.max(0, limit)).toList();
  }

  public Path file() {
    return file;
  }

  private void loadTail() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines = new ArrayList<>();
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, raf.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) (raf.length() - start)];
      raf.seek(start);
      raf.readFully(bytes);
      String[] split = new String(bytes, StandardCharsets.UTF_8).split("\n");
      for (int i = start == 0 ? 0 : 1; i < split.length; i++) {
        lines.add(split[i]);
      }
    }
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        recent.addFirst(JSON.readValue(line, DecisionRecord.class));
      } catch (IOException e) {
        log.warn("[decisions] skipping an unreadable line of {}: {}", file, e.getMessage());
      }
    }
    while (recent.size() > recentCapacity) {
      recent.removeLast();
    }
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      log.warn("[decisions] closing {}", file, e);
    }
  }
}
