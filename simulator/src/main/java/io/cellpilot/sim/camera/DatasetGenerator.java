package io.cellpilot.sim.camera;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.model.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes a labelled data set in the MVTec AD layout: {@code train/good/000.png}, {@code test/good/000.png},
 * {@code test/<defect>/000.png} and {@code ground_truth/<defect>/000_mask.png} (0 / 255 masks), plus
 * {@code dataset.json} saying how it was made. Every image is a pure function of the seed, its folder and its
 * number, so the same command writes the same bytes. Images are drawn in parallel.
 */
public final class DatasetGenerator {

  /** What was written. */
  public record Summary(Path root, int trainGood, int testGood, int testDefects, int masks) {}

  private record Job(Path image, Path mask, long seed, Optional<DefectKind> defect) {}

  private DatasetGenerator() {}

  /** Writes the data set; {@code spec.out()} must not exist yet or be an empty folder. */
  public static Summary generate(DatasetSpec spec) {
    Path root = spec.out();
    try {
      if (Files.exists(root)) {
        try (Stream<Path> entries = Files.list(root)) {
          if (entries.findAny().isPresent()) {
            throw new SimException(SimException.Code.IO,
                root + " is not empty; give generate-dataset a new folder so that no existing file is overwritten");
          }
        }
      }
      List<Job> jobs = new ArrayList<>();
      addGood(jobs, root.resolve("train/good"), spec.seed(), "train/good", spec.trainGood());
      addGood(jobs, root.resolve("test/good"), spec.seed(), "test/good", spec.testGood());
      for (DefectKind kind : spec.kinds()) {
        Path images = root.resolve("test").resolve(kind.label());
        Path masks = root.resolve("ground_truth").resolve(kind.label());
        Files.createDirectories(images);
        Files.createDirectories(masks);
        for (int i = 0; i < spec.testDefectsPerKind(); i++) {
          String name = name(i, spec.testDefectsPerKind());
          jobs.add(new Job(images.resolve(name + ".png"), masks.resolve(name + "_mask.png"),
              Seeds.derive(spec.seed(), "test/" + kind.label(), i), Optional.of(kind)));
        }
      }
      PartImageGenerator generator = new PartImageGenerator(spec.size(), spec.size());
      jobs.parallelStream().forEach(job -> write(generator, job));
      Files.writeString(root.resolve("dataset.json"), metadata(spec));
      int defects = spec.testDefectsPerKind() * spec.kinds().size();
      return new Summary(root, spec.trainGood(), spec.testGood(), defects, defects);
    } catch (IOException e) {
      throw new SimException(SimException.Code.IO, "cannot write the data set under " + root + ": " + e, e);
    }
  }

  private static void addGood(List<Job> jobs, Path folder, long seed, String stream, int count) throws IOException {
    Files.createDirectories(folder);
    for (int i = 0; i < count; i++) {
      jobs.add(new Job(folder.resolve(name(i, count) + ".png"), null, Seeds.derive(seed, stream, i),
          Optional.empty()));
    }
  }

  private static void write(PartImageGenerator generator, Job job) {
    PartImage image = generator.render(job.seed(), job.defect());
    try {
      Files.write(job.image(), image.png());
      if (job.mask() != null) {
        Files.write(job.mask(), image.maskPng());
      }
    } catch (IOException e) {
      throw new SimException(SimException.Code.IO, "cannot write " + job.image() + ": " + e, e);
    }
  }

  /** MVTec AD numbers images 000, 001, ...; more digits only when a folder holds more than 1000. */
  static String name(int index, int count) {
    int digits = Math.max(3, String.valueOf(Math.max(0, count - 1)).length());
    return String.format("%0" + digits + "d", index);
  }

  private static String metadata(DatasetSpec spec) {
    StringBuilder kinds = new StringBuilder();
    for (DefectKind k : spec.kinds()) {
      kinds.append(kinds.length() == 0 ? "" : ", ").append('"').append(k.label()).append('"');
    }
    return """
        {
          "generator": "cellpilot generate-dataset",
          "layout": "MVTec AD",
          "seed": %d,
          "size": %d,
          "trainGood": %d,
          "testGood": %d,
          "testDefectsPerKind": %d,
          "defectKinds": [%s]
        }
        """.formatted(spec.seed(), spec.size(), spec.trainGood(), spec.testGood(), spec.testDefectsPerKind(), kinds);
  }
}
