package io.cellpilot.controller.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.controller.ControllerLauncher;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStartupTest {

  @Test
  void anApplicationContextWithAWrongValueDoesNotStartAndTheErrorNamesTheKey(@TempDir Path dir) {
    Exception e = assertThrows(Exception.class, () -> ApplicationContext.run(Map.of(
        "cellpilot.data-dir", dir.toString(),
        "cellpilot.robots.r1.max-tcp-speed", 7.5)));
    assertTrue(rootMessage(e).contains("cellpilot.robots.r1.max-tcp-speed must be between 0 and 3 m/s, was 7.5"),
        rootMessage(e));
  }

  @Test
  void anApplicationContextWithAnUnknownKeyDoesNotStart(@TempDir Path dir) {
    Exception e = assertThrows(Exception.class, () -> ApplicationContext.run(Map.of(
        "cellpilot.data-dir", dir.toString(),
        "cellpilot.inspection.pairing-timeot", "5s")));
    assertTrue(rootMessage(e).contains("cellpilot.inspection.pairing-timeot is not a CellPilot setting "
        + "(did you mean cellpilot.inspection.pairing-timeout?)"), rootMessage(e));
  }

  @Test
  void theLauncherRefusesABadFileBeforeAnythingStarts(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yml"), """
        cellpilot:
          data-dir: %s
          cameras:
            cam:
              type: folder
          health:
            machines:
              press:
                tags: [press.vibration]
                raise-after: 0
        """.formatted(dir));
    ConfigException e = assertThrows(ConfigException.class, () -> ControllerLauncher.start(file));
    assertEquals(java.util.List.of("cellpilot.health.machines.press.raise-after must be between 1 and 10000, was 0"),
        e.problems());
  }

  private static String rootMessage(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
