package io.cellpilot.controller.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cellpilot.security.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as an append-only file of JSON lines ({@code time, user, source, action, result}), mode 600, each
 * line written with one append and forced to disk, so a crash right after a command still leaves its line.
 */
public final class FileAuditLog implements AuditLog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FileAuditLog.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private final FileChannel channel;

  public FileAuditLog(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
          Files.createFile(file);
        }
      }
      channel = FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audit log " + file, e);
    }
  }

  @Override
  public synchronized void record(Instant time, String user, String source, String action, String result) {
    Map<String, String> line = new LinkedHashMap<>();
    line.put("time", time.toString());
    line.put("user", user);
    line.put("source", source);
    line.put("action", action);
    line.put("result", result);
    try {
      byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      log.error("[audit] could not write to {}: {} {} {} {}", file, user, source, action, result, e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      log.warn("[audit] closing {}", file, e);
    }
  }
}
