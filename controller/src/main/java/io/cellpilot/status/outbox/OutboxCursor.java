package io.cellpilot.status.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer's delivered position in the outbox: the offset of the first record it has not yet delivered. The position
 * is saved to {@code <name>.cursor} atomically (write a temporary file, force it, rename it over the old one), at most
 * every {@code ackInterval}; after a crash the consumer resumes from the saved position, so it may deliver a few
 * records twice but never skips one.
 */
public final class OutboxCursor {
  private static final Logger log = LoggerFactory.getLogger(OutboxCursor.class);

  private final String name;
  private final Path file;
  private final long ackIntervalNanos;
  private final Runnable onPersist;
  private volatile long position;
  private long persisted;
  private long lastPersistNanos;

  OutboxCursor(String name, Path dir, long ackIntervalNanos, Runnable onPersist) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("outbox cursor name must be lower-case letters, digits, '-': " + name);
    }
    this.name = name;
    this.file = dir.resolve(name + ".cursor");
    this.ackIntervalNanos = ackIntervalNanos;
    this.onPersist = onPersist;
    this.position = load(file);
    this.persisted = position;
    this.lastPersistNanos = System.nanoTime();
  }

  public String name() {
    return name;
  }

  /** The first offset not yet delivered. */
  public long position() {
    return position;
  }

  /** Records that every record before {@code nextOffset} was delivered; saved to disk at most every ack interval. */
  public void ack(long nextOffset) {
    boolean due;
    synchronized (this) {
      if (nextOffset <= position) {
        return;
      }
      position = nextOffset;
      due = System.nanoTime() - lastPersistNanos >= ackIntervalNanos;
    }
    if (due) {
      flush();
    }
  }

  /** Saves the position now. */
  public void flush() {
    // The outbox is told outside this monitor: it takes its own lock, under which it may call skipTo.
    if (save()) {
      onPersist.run();
    }
  }

  private synchronized boolean save() {
    if (persisted == position) {
      return false;
    }
    long value = position;
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      ByteBuffer buffer = ByteBuffer.allocate(12).putLong(value);
      buffer.putInt(crc(value)).flip();
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      persisted = value;
      lastPersistNanos = System.nanoTime();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save outbox cursor " + file, e);
    }
    return true;
  }

  /** Moves a position that points into a dropped segment up to the oldest record still kept. */
  synchronized void skipTo(long firstOffset) {
    if (position < firstOffset) {
      position = firstOffset;
    }
  }

  private static long load(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      if (bytes.length == 12) {
        long value = buffer.getLong();
        if (buffer.getInt() == crc(value)) {
          return value;
        }
      }
      log.warn("[outbox] cursor file {} is damaged; delivering again from the oldest record kept", file);
      return 0;
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read outbox cursor " + file, e);
    }
  }

  private static int crc(long value) {
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(8).putLong(value).array());
    return (int) crc.getValue();
  }
}
