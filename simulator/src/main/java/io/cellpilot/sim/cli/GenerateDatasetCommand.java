package io.cellpilot.sim.cli;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.camera.DatasetGenerator;
import io.cellpilot.sim.camera.DatasetSpec;
import io.cellpilot.sim.camera.DefectKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cellpilot generate-dataset}: synthetic part images in the MVTec AD layout, for training without a line. */
@Command(
    name = "generate-dataset",
    mixinStandardHelpOptions = true,
    description = {
        "Writes synthetic part images in the MVTec AD layout: train/good, test/good, test/<defect> and",
        "ground_truth/<defect>/<name>_mask.png. The same seed writes the same bytes."})
public final class GenerateDatasetCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty folder to write to.")
  Path out;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--train-good", required = true, paramLabel = "N", description = "Good training images.")
  int trainGood;

  @Option(names = "--test-good", required = true, paramLabel = "N", description = "Good test images.")
  int testGood;

  @Option(names = "--test-defects", required = true, paramLabel = "N",
      description = "Test images per defect kind (each with its mask).")
  int testDefects;

  @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "256",
      description = "Image width and height (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--kinds", split = ",", paramLabel = "KIND",
      description = "Defect kinds (default: all of scratch, crack, pit, stain, missing-feature).")
  List<String> kinds;

  @Override
  public Integer call() {
    PrintWriter output = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<DefectKind> chosen = new ArrayList<>();
      for (String k : kinds == null ? List.<String>of() : kinds) {
        chosen.add(DefectKind.fromLabel(k.trim()).orElseThrow(() -> new IllegalArgumentException(
            "--kinds must list kinds among " + DefectKind.labels() + ", was \"" + k + "\"")));
      }
      DatasetSpec dataset = new DatasetSpec(out, seed, trainGood, testGood, testDefects, size,
          chosen.isEmpty() ? List.of(DefectKind.values()) : chosen);
      long t0 = System.nanoTime();
      DatasetGenerator.Summary s = DatasetGenerator.generate(dataset);
      double seconds = (System.nanoTime() - t0) / 1e9;
      int images = s.trainGood() + s.testGood() + s.testDefects();
      output.printf("wrote %d images (%d train/good, %d test/good, %d defective with masks) of %dx%d to %s"
          + " in %.1f s (%.0f images/s)%n", images, s.trainGood(), s.testGood(), s.testDefects(), size, size,
          s.root(), seconds, images / Math.max(seconds, 1e-9));
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("cellpilot generate-dataset: " + e.getMessage());
      return 2;
    } catch (SimException e) {
      err.println("cellpilot generate-dataset: " + e.getMessage());
      return 1;
    }
  }
}
