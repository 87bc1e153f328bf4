package io.cellpilot.vision.cli;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.anomaly.FilterBank;
import io.cellpilot.vision.anomaly.PatchCoreConfig;
import io.cellpilot.vision.classify.ClassifierConfig;
import io.cellpilot.vision.health.HealthConfig;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.pkg.Manifest;
import io.cellpilot.vision.train.Trainers;
import io.cellpilot.vision.train.Trainers.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cellpilot train}: trains a model from an MVTec folder or a sensor CSV and writes an unsigned package. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train a model and write it as one package file.",
        "  anomaly     MVTec folder, train/good only (unsupervised; heat maps)",
        "  classifier  MVTec folder with labelled defects (supervised; names the defect type)",
        "  energy      CSV timestamp,<signals...>,<power>: virtual sub-meter",
        "  health      CSV timestamp,<channels...> of normal operation: the detector's normal profile"})
public final class TrainCommand implements Callable<Integer> {
  enum Kind { anomaly, classifier, energy, health }

  @Spec
  CommandSpec spec;

  @Option(names = "--kind", required = true, description = "anomaly, classifier, energy or health")
  Kind kind;

  @Option(names = "--data", required = true, description = "MVTec folder (images) or CSV file (series)")
  Path data;

  @Option(names = "--out", required = true, description = "package file to write, e.g. tiles.cpm")
  Path out;

  @Option(names = "--name", description = "model name (default: the data folder's name)")
  String name;

  @Option(names = "--model-version", defaultValue = "1", description = "version text shown in every verdict")
  String version;

  @Option(names = "--seed", defaultValue = "42", description = "seed of every random choice (reproducible)")
  long seed;

  @Option(names = "--max-epochs", description = "upper bound on epochs; early stopping ends sooner")
  Integer maxEpochs;

  @Option(names = "--side", description = "largest input side in px after scaling (with --scale 0: the fixed side)")
  Integer side;

  @Option(names = "--scale", description = "image scale factor keeping the aspect ratio (default 0.35; 0 = resize to side x side)")
  Double scale;

  @Option(names = "--bank-size", description = "anomaly: memory bank patches (default 16000)")
  Integer bankSize;

  @Option(names = "--flatten", description = "anomaly: illumination flattening radius in input px (default 16; "
      + "0 = off)")
  Integer flatten;

  @Option(names = "--depth", description = "anomaly: feature levels 1..3 (default 2)")
  Integer depth;

  @Option(names = "--position-weight", description = "anomaly: weight of a patch's place in the image, 0..10 "
      + "(default 10; 0 for parts that lie anywhere and at any rotation)")
  Double positionWeight;

  @Option(names = "--filters", description = "anomaly: DESIGNED or RANDOM first-layer filters")
  FilterBank filters;

  @Option(names = "--filter-count", description = "anomaly: first-layer filters, 1..64 (default 11; DESIGNED has "
      + "18 shapes, the rest random)")
  Integer filterCount;

  @Option(names = "--defect-share",
      description = "share of each defect type's images (under test/) used for training; the rest stays unseen. "
          + "classifier: default 0.6; anomaly: default 0 (good parts only), above 0 adds a defect memory")
  Double defectShare;

  @Option(names = "--register-part", description = "anomaly, classifier: locate each image's round part and turn "
      + "its rim notch to a fixed angle before the model sees it (stored in the package; the engine does the same "
      + "and refuses images without a clear part or mark)")
  boolean registerPart;

  @Option(names = "--target", defaultValue = "power", description = "energy: the CSV column to estimate")
  String target;

  @Option(names = "--window", defaultValue = "20", description = "health: samples per window")
  int window;

  @Override
  public Integer call() throws Exception {
    return Cli.run(spec, this::train);
  }

  private Integer train() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    String modelName = name != null ? name : data.toAbsolutePath().normalize().getFileName().toString()
        .replaceAll("\\.csv$", "");
    if (registerPart && (kind == Kind.energy || kind == Kind.health)) {
      throw new VisionException(VisionException.Reason.INVALID_VALUE,
          "--register-part is for image models (--kind anomaly or classifier), not --kind " + kind);
    }
    Target t = new Target(out, modelName, version);
    ProgressBar bar = new ProgressBar(err);
    Manifest m = switch (kind) {
      case anomaly -> Trainers.anomaly(MvtecDataset.open(data), anomalyConfig(),
          defectShare == null ? 0 : defectShare, registerPart, t, bar);
      case classifier -> Trainers.classifier(MvtecDataset.open(data), classifierConfig(),
          defectShare == null ? 0.6 : defectShare, registerPart, t, bar);
      case energy -> Trainers.energy(data, target, maxEpochs == null ? 300 : maxEpochs, seed, t, bar);
      case health -> Trainers.health(data, HealthConfig.defaults().withWindow(window), t);
    };
    bar.finish();
    outWriter.printf("wrote %s: %s model %s version %s, threshold %.4f, metrics %s%n", out, m.kind(), m.name(),
        m.version(), m.threshold(), m.metrics());
    outWriter.flush();
    return 0;
  }

  private PatchCoreConfig anomalyConfig() {
    PatchCoreConfig c = PatchCoreConfig.defaults().withSeed(seed);
    if (scale != null) {
      c = c.withScale(scale);
    }
    if (side != null) {
      c = c.withSide(side);
    }
    if (bankSize != null) {
      c = c.withBankSize(bankSize);
    }
    if (depth != null) {
      c = c.withDepth(depth);
    }
    if (positionWeight != null) {
      c = c.withPositionWeight(positionWeight);
    }
    if (flatten != null) {
      c = c.withFlatten(flatten);
    }
    if (filters != null) {
      c = c.withBank(filters);
    }
    if (filterCount != null) {
      c = c.withFilters(filterCount);
    }
    return c;
  }

  private ClassifierConfig classifierConfig() {
    ClassifierConfig c = ClassifierConfig.defaults().withSeed(seed);
    if (maxEpochs != null) {
      c = c.withMaxEpochs(maxEpochs);
    }
    if (scale != null) {
      c = c.withScale(scale);
    }
    if (side != null) {
      c = c.withMaxSide(side);
    }
    return c;
  }
}
