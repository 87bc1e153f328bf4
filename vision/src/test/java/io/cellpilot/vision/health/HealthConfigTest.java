package io.cellpilot.vision.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cellpilot.vision.pkg.ModelPackage;
import io.cellpilot.vision.train.Trainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthConfigTest {

  @TempDir
  Path dir;

  @Test
  void changingTheWindowOrTheProbationKeepsEveryOtherSetting() {
    HealthConfig c = new HealthConfig(20, 100, 0.1, 7.0, 2.0, 4, 12);
    assertEquals(new HealthConfig(30, 100, 0.1, 7.0, 2.0, 4, 12), c.withWindow(30));
    assertEquals(new HealthConfig(20, 40, 0.1, 7.0, 2.0, 4, 12), c.withProbationWindows(40));
  }

  @Test
  void aHealthProfileLearnsFromEveryWindowOfAShortHistory() throws Exception {
    // 50 windows of 10 samples: fewer than the default probation of 100 windows, which once left the profile empty.
    Path csv = dir.resolve("press.csv");
    List<String> lines = new ArrayList<>(List.of("timestamp,vibration,current"));
    Random r = new Random(3);
    for (int t = 0; t < 500; t++) {
      lines.add(t * 1000L + "," + (2 + 0.05 * r.nextGaussian()) + "," + (4 + 0.1 * r.nextGaussian()));
    }
    Files.write(csv, lines);
    Path pkg = dir.resolve("press.cpm");
    Trainers.health(csv, HealthConfig.defaults().withWindow(10), new Trainers.Target(pkg, "press", "1"));

    HealthDetector d = HealthCodec.detector(ModelPackage.read(pkg, null));
    assertFalse(d.learning(), "a packaged profile scores from the first window");
    assertNotNull(d.profile());
    assertEquals(2.0, d.profile().median()[0], 0.05, "vibration mean learned from the file");
  }
}
