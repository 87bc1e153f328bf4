package io.cellpilot.status.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * One append-only file of the outbox. Each record is framed as {@code int length, int crc32c, body}, where the body
 * holds {@code long offset, long timeMillis, byte flags, short keyLength (-1: no key), key (UTF-8), payload}. A frame
 * whose length or checksum does not hold marks a torn write: recovery cuts the file there, keeping every complete
 * record before it. Not thread-safe: {@link Outbox} serialises access.
 */
final class SegmentFile implements AutoCloseable {
  static final int HEADER = 8;
  private static final int BODY_FIXED = 8 + 8 + 1 + 2;
  static final int MAX_RECORD = 16 << 20;

  private final Path path;
  private final long baseOffset;
  private final FileChannel channel;
  private long[] positions = new long[256];
  private int count;
  private long size;
  private long truncatedBytes;

  private SegmentFile(Path path, long baseOffset, FileChannel channel) {
    this.path = path;
    this.baseOffset = baseOffset;
    this.channel = channel;
  }

  static Path pathFor(Path dir, long baseOffset) {
    return dir.resolve(String.format("%020d.seg", baseOffset));
  }

  static SegmentFile create(Path dir, long baseOffset) throws IOException {
    Path path = pathFor(dir, baseOffset);
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    return new SegmentFile(path, baseOffset, ch);
  }

  /**
   * Opens an existing segment and scans it; the first frame that is short, oversized, out of sequence or fails its
   * checksum ends the segment and the file is truncated there.
   */
  static SegmentFile recover(Path path, long baseOffset) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    SegmentFile segment = new SegmentFile(path, baseOffset, ch);
    segment.scan();
    return segment;
  }

  private void scan() throws IOException {
    long fileSize = channel.size();
    long pos = 0;
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    while (pos + HEADER <= fileSize) {
      header.clear();
      readFully(header, pos);
      header.flip();
      int length = header.getInt();
      int crc = header.getInt();
      if (length < BODY_FIXED || length > MAX_RECORD || pos + HEADER + length > fileSize) {
        break;
      }
      ByteBuffer body = ByteBuffer.allocate(length);
      readFully(body, pos + HEADER);
      if (crc32c(body.array()) != crc || body.getLong(0) != baseOffset + count) {
        break;
      }
      index(pos);
      pos += HEADER + length;
    }
    if (pos < fileSize) {
      truncatedBytes = fileSize - pos;
      channel.truncate(pos);
      channel.force(true);
    }
    size = pos;
  }

  /** Appends a record whose offset must be {@link #nextOffset()}; returns the bytes written. */
  int append(OutboxRecord record) throws IOException {
    byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
    int length = BODY_FIXED + (key == null ? 0 : key.length) + record.payload().length;
    if (length > MAX_RECORD) {
      throw new IllegalArgumentException("outbox record of " + length + " bytes exceeds " + MAX_RECORD);
    }
    ByteBuffer frame = ByteBuffer.allocate(HEADER + length);
    frame.putInt(length).putInt(0);
    frame.putLong(record.offset()).putLong(record.timeMillis()).put((byte) record.flags());
    if (key == null) {
      frame.putShort((short) -1);
    } else {
      frame.putShort((short) key.length).put(key);
    }
    frame.put(record.payload());
    frame.putInt(4, crc32c(Arrays.copyOfRange(frame.array(), HEADER, HEADER + length)));
    frame.flip();
    long pos = size;
    while (frame.hasRemaining()) {
      pos += channel.write(frame, pos);
    }
    index(size);
    size = pos;
    return HEADER + length;
  }

  /** Reads the record at {@code offset}, which must lie in this segment. */
  OutboxRecord read(long offset) throws IOException {
    long pos = positions[(int) (offset - baseOffset)];
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    readFully(header, pos);
    int length = header.getInt(0);
    ByteBuffer body = ByteBuffer.allocate(length);
    readFully(body, pos + HEADER);
    body.flip();
    long recordOffset = body.getLong();
    long time = body.getLong();
    int flags = body.get();
    short keyLength = body.getShort();
    String key = null;
    if (keyLength >= 0) {
      byte[] k = new byte[keyLength];
      body.get(k);
      key = new String(k, StandardCharsets.UTF_8);
    }
    byte[] payload = new byte[body.remaining()];
    body.get(payload);
    return new OutboxRecord(recordOffset, key, time, flags, payload);
  }

  void force() throws IOException {
    channel.force(false);
  }

  long baseOffset() {
    return baseOffset;
  }

  long nextOffset() {
    return baseOffset + count;
  }

  int count() {
    return count;
  }

  long size() {
    return size;
  }

  long truncatedBytes() {
    return truncatedBytes;
  }

  boolean contains(long offset) {
    return offset >= baseOffset && offset < baseOffset + count;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  void delete() throws IOException {
    channel.close();
    Files.deleteIfExists(path);
  }

  private void index(long pos) {
    if (count == positions.length) {
      positions = Arrays.copyOf(positions, count * 2);
    }
    positions[count++] = pos;
  }

  private void readFully(ByteBuffer buffer, long pos) throws IOException {
    long at = pos;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new IOException("unexpected end of " + path + " at " + at);
      }
      at += n;
    }
  }

  private static int crc32c(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length);
    return (int) crc.getValue();
  }
}
