package io.cellpilot.status.sparkplug;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge node's birth/death sequence number, kept in a file so that it keeps counting across restarts.
 * Sparkplug B 3.0 tck-id-topics-nbirth-bdseq-increment: bdSeq starts at 0 and goes up by one on every new MQTT
 * CONNECT; tck-id-payloads-ndeath-bdseq: it wraps from 255 to 0.
 */
public final class BdSeqStore {
  private static final Logger log = LoggerFactory.getLogger(BdSeqStore.class);

  private final Path file;

  public BdSeqStore(Path file) {
    this.file = file;
  }

  /** The value for the next CONNECT; the one after it is saved before this returns. */
  public synchronized long next() {
    long value = read();
    write((value + 1) % 256);
    return value;
  }

  /** The value the next CONNECT will use. */
  public synchronized long peek() {
    return read();
  }

  private long read() {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).trim();
      long value = Long.parseLong(text);
      if (value < 0 || value > 255) {
        throw new NumberFormatException("out of range");
      }
      return value;
    } catch (NoSuchFileException e) {
      return 0;
    } catch (NumberFormatException e) {
      log.warn("[sparkplug] {} does not hold a bdSeq (0..255); starting again at 0", file);
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bdSeq from " + file, e);
    }
  }

  private void write(long value) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.wrap(Long.toString(value).getBytes(StandardCharsets.UTF_8)));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save bdSeq to " + file, e);
    }
  }
}
