package io.cellpilot.vision.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.pkg.ModelPackage;
import io.cellpilot.vision.train.Trainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyEstimatorTest {
  @TempDir
  Path dir;

  /** A press: idle draw, plus when running a part that grows with speed squared (drive) and with load. */
  static double press(double running, double speed, double load) {
    return 0.3 + running * (1.2 + 2.0 * speed * speed + 0.8 * load);
  }

  @Test
  void learnsAMachinesPowerFromItsStateSignalsOnHeldOutRows() throws Exception {
    Random r = new Random(4);
    List<String> lines = new ArrayList<>();
    lines.add("timestamp,running,speed,load,power");
    for (int i = 0; i < 1500; i++) {
      double running = r.nextDouble() < 0.8 ? 1 : 0;
      double speed = running * (0.2 + 0.8 * r.nextDouble());
      double load = running * r.nextDouble();
      double power = press(running, speed, load) + r.nextGaussian() * 0.05;
      lines.add(String.format(Locale.ROOT, "%d,%.0f,%.4f,%.4f,%.4f", 1_700_000_000_000L + i * 1000L, running, speed,
          load, power));
    }
    lines.add("1700000999000,1,NaN,0.5,2.0");
    Path csv = Files.write(dir.resolve("press.csv"), lines);
    Path pkg = dir.resolve("press.cpm");
    var manifest = Trainers.energy(csv, "power", 150, 42, new Trainers.Target(pkg, "press", "1"), Progress.NONE);
    assertTrue(manifest.metrics().get("r2") > 0.97, "held-out R^2 " + manifest.metrics());
    assertEquals(1.0, manifest.metrics().get("skippedRows"), "the NaN row is left out, not learned");
    EnergyEstimator e = EnergyCodec.fromPackage(ModelPackage.read(pkg, null));
    assertEquals(List.of("running", "speed", "load"), e.inputs());
    assertEquals(press(1, 0.7, 0.5), e.estimate(new double[] {1, 0.7, 0.5}), 0.15);
    assertEquals(press(0, 0, 0), e.estimate(new double[] {0, 0, 0}), 0.15);
  }

  @Test
  void refusesNanAndTheWrongNumberOfSignals() throws Exception {
    Random r = new Random(5);
    double[][] x = new double[200][2];
    double[] y = new double[200];
    for (int i = 0; i < 200; i++) {
      x[i][0] = r.nextDouble();
      x[i][1] = r.nextDouble();
      y[i] = x[i][0] + x[i][1];
    }
    EnergyEstimator e = EnergyEstimator.train(List.of("a", "b"), "p", x, y, 20, 1, Progress.NONE).estimator();
    VisionException nan = assertThrows(VisionException.class, () -> e.estimate(new double[] {Double.NaN, 1}));
    assertTrue(nan.getMessage().contains("energy signal a is NaN"), nan.getMessage());
    assertThrows(VisionException.class, () -> e.estimate(new double[] {1}));
  }
}
