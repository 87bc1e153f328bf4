package io.cellpilot.controller.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.security.Principal;
import io.cellpilot.security.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {

  @Test
  void aUserLogsInWithTheRightPasswordOnlyAndTheFileHoldsNoSecret(@TempDir Path dir) throws Exception {
    FileUserStore store = new FileUserStore(dir.resolve("users"));
    String password = store.putPassword("ann", Role.OPERATOR, null);

    FileUserStore reread = new FileUserStore(dir.resolve("users"));
    assertEquals(Optional.of(new Principal("ann", Role.OPERATOR)), reread.authenticate("ann", password));
    assertEquals(Optional.empty(), reread.authenticate("ann", password + "x"));
    assertEquals(Optional.empty(), reread.authenticate("bob", password));
    String file = Files.readString(dir.resolve("users"));
    assertFalse(file.contains(password));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("users"))));
  }

  @Test
  void anApiTokenAuthenticatesItsUser(@TempDir Path dir) {
    FileUserStore store = new FileUserStore(dir.resolve("users"));
    String token = store.putToken("dashboard", Role.VIEWER);
    assertEquals(Role.VIEWER, store.authenticate("dashboard", token).orElseThrow().role());
    assertTrue(store.authenticate("dashboard", "guess").isEmpty());
  }

  @Test
  void auditLinesAreAppendedAsJsonAndSurviveReopening(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("audit.log");
    try (FileAuditLog audit = new FileAuditLog(file)) {
      audit.record(Instant.parse("2026-11-22T10:00:00Z"), "ann", "http", "stop-robot", "ok");
    }
    try (FileAuditLog audit = new FileAuditLog(file)) {
      audit.record(Instant.parse("2026-11-22T10:00:01Z"), "bob", "mqtt", "load-model inspection v2.pkg", "denied");
    }
    assertEquals(List.of(
        "{\"time\":\"2026-11-22T10:00:00Z\",\"user\":\"ann\",\"source\":\"http\",\"action\":\"stop-robot\","
            + "\"result\":\"ok\"}",
        "{\"time\":\"2026-11-22T10:00:01Z\",\"user\":\"bob\",\"source\":\"mqtt\","
            + "\"action\":\"load-model inspection v2.pkg\",\"result\":\"denied\"}"),
        Files.readAllLines(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }
}
