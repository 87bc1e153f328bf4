package io.cellpilot.controller.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.ControllerLauncher;
import io.cellpilot.security.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `cellpilot run` from a file, as an integrator starts it, on a box that has never run CellPilot. */
class FirstStartTest {

  private static Path config(Path dir, String firstStart) throws Exception {
    return Files.writeString(dir.resolve("cell.yml"), """
        cellpilot:
          data-dir: %s
          http:
            port: 0
            bind-address: 127.0.0.1
          mqtt:
            embedded:
              port: 0
          security:
            first-start: %s
        """.formatted(dir.resolve("data"), firstStart));
  }

  @Test
  void theFirstStartCreatesAnEngineerWhosePasswordIsPrintedOnceAndStoredHashed(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    PrintStream before = SecurityFactory.notice;
    SecurityFactory.notice = new PrintStream(terminal, true, StandardCharsets.UTF_8);
    String password;
    try (ApplicationContext context = ControllerLauncher.start(config(dir, "generate"))) {
      Matcher m = Pattern.compile("password:\\s+(\\S+)").matcher(terminal.toString(StandardCharsets.UTF_8));
      assertTrue(m.find(), terminal.toString(StandardCharsets.UTF_8));
      password = m.group(1);
      Path users = dir.resolve("data/users");
      assertFalse(Files.readString(users).contains(password));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(users)));
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      try (HttpClient client = context.createBean(HttpClient.class, server.getURL())) {
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(
            HttpRequest.POST("/api/line/pause", "").basicAuth("admin", password), Map.class).getStatus());
      }
    } finally {
      SecurityFactory.notice = before;
    }
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    SecurityFactory.notice = new PrintStream(second, true, StandardCharsets.UTF_8);
    try (ApplicationContext context = ControllerLauncher.start(config(dir, "generate"))) {
      assertEquals("", second.toString(StandardCharsets.UTF_8), "the password is shown only once");
      assertEquals(Role.ENGINEER, context.getBean(FileUserStore.class).authenticate("admin", password)
          .orElseThrow().role());
    } finally {
      SecurityFactory.notice = before;
    }
  }

  @Test
  void withFirstStartRefuseNoAccountExistsAndCommandsAreRefused(@TempDir Path dir) throws Exception {
    try (ApplicationContext context = ControllerLauncher.start(config(dir, "refuse"))) {
      assertTrue(context.getBean(FileUserStore.class).isEmpty());
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      try (HttpClient client = context.createBean(HttpClient.class, server.getURL())) {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
            HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/line/pause", "").basicAuth("admin", "whatever-password"), Map.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
      }
      String audit = Files.readString(dir.resolve("data/audit.log"));
      assertTrue(audit.contains("\"user\":\"(anonymous)\"") && audit.contains("\"action\":\"pause-line\"")
          && audit.contains("\"result\":\"denied\""), audit);
    }
  }
}
