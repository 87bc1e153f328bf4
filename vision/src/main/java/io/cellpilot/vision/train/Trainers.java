package io.cellpilot.vision.train;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.anomaly.AnomalyMap;
import io.cellpilot.vision.anomaly.PatchCoreCodec;
import io.cellpilot.vision.anomaly.PatchCoreConfig;
import io.cellpilot.vision.anomaly.PatchCoreModel;
import io.cellpilot.vision.classify.ClassifierCodec;
import io.cellpilot.vision.classify.ClassifierConfig;
import io.cellpilot.vision.classify.DefectClassifier;
import io.cellpilot.vision.energy.EnergyCodec;
import io.cellpilot.vision.energy.EnergyEstimator;
import io.cellpilot.vision.health.HealthCodec;
import io.cellpilot.vision.health.HealthConfig;
import io.cellpilot.vision.health.HealthDetector;
import io.cellpilot.vision.health.SeriesCsv;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.MvtecDataset.Sample;
import io.cellpilot.vision.image.PartRegistration;
import io.cellpilot.vision.image.Preprocessing;
import io.cellpilot.vision.pkg.Manifest;
import io.cellpilot.vision.pkg.Manifest.PreprocessingSpec;
import io.cellpilot.vision.pkg.ModelPackage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The training recipes behind {@code cellpilot train}: each reads its data, trains, chooses a starting threshold from
 * held-out data and writes an (unsigned) package. Same inputs and seed give the same model.
 */
public final class Trainers {
  /**
   * Boost of patches near a known defect, per unit of distance inside the margin. Measured on the magnetic tiles
   * (held-out 40 %): 0.5 -> AUROC 0.868, 1 -> 0.876, 1.5 -> 0.841, 3 -> 0.786; larger weights lift look-alike good
   * texture too.
   */
  static final float DEFECT_WEIGHT = 1f;

  private Trainers() {}

  /** Names a package: its name, version and where it goes. */
  public record Target(Path file, String name, String version) {}

  /**
   * Unsupervised: trains on {@code train/good}; 10 % of those images (at least 3) are held out, and the threshold
   * starts at the highest held-out score, so no held-out good part is rejected. {@code evaluate} can refine it.
   */
  public static Manifest anomaly(MvtecDataset data, PatchCoreConfig config, Target target, Progress progress) {
    return anomaly(data, config, 0, target, progress);
  }

  /**
   * As {@link #anomaly(MvtecDataset, PatchCoreConfig, Target, Progress)}; with {@code defectShare > 0} the model
   * also remembers the patches of that seeded share of each defect type under {@code test/} (their masks when the
   * set has them), so it scores known defects higher and names their type. The manifest lists every file used, so
   * {@code evaluate} leaves them out.
   */
  public static Manifest anomaly(MvtecDataset data, PatchCoreConfig config, double defectShare, Target target,
      Progress progress) {
    return anomaly(data, config, defectShare, false, target, progress);
  }

  /**
   * As {@link #anomaly(MvtecDataset, PatchCoreConfig, double, Target, Progress)}; with {@code registerPart} every
   * image (and defect mask) is first put in the part's standard pose ({@link PartRegistration}), and the package
   * says so, so that the engine does the same. A training image without a clear part is refused, naming the file.
   */
  public static Manifest anomaly(MvtecDataset data, PatchCoreConfig config, double defectShare,
      boolean registerPart, Target target, Progress progress) {
    ImageReader reader = new ImageReader(registerPart);
    GoodSplit split = GoodSplit.of(data, config.seed());
    List<GreyImage> fit = reader.images(split.fit());
    // A registered part lies at the centre: only the part (not the belt around it) is inspected.
    PatchCoreModel model = PatchCoreModel.train(fit, config.withRoi(reader.partRegion()), progress);
    return finishAnomaly(data, model, split, defectShare, reader, target, progress);
  }


  /**
   * Adds the labelled defects of a seeded share {@code defectShare} of each defect type to an unsupervised package
   * trained by {@link #anomaly(MvtecDataset, PatchCoreConfig, Target, Progress)} on the same {@code train/good}
   * (checked by fingerprint): the same supervised model as training with {@code defectShare} from scratch, without
   * computing the memory bank again.
   */
  public static Manifest addDefects(MvtecDataset data, Path basePackage, double defectShare, Target target,
      Progress progress) {
    if (!(defectShare > 0 && defectShare < 1)) {
      throw new VisionException(Reason.INVALID_VALUE, "defect-share must be in (0, 1), was " + defectShare);
    }
    ModelPackage pkg = ModelPackage.read(basePackage, null);
    if (!PatchCoreCodec.KIND.equals(pkg.manifest().kind())) {
      throw new VisionException(Reason.PACKAGE_INVALID, basePackage + " is a '" + pkg.manifest().kind()
          + "' package; defects can only be added to an '" + PatchCoreCodec.KIND + "' package");
    }
    PatchCoreModel base = PatchCoreCodec.fromPackage(pkg);
    if (!base.knownDefectTypes().isEmpty()) {
      throw new VisionException(Reason.PACKAGE_INVALID, basePackage + " already knows defects "
          + base.knownDefectTypes() + "; add defects to the unsupervised package it came from");
    }
    if (!data.fingerprint(data.trainGood()).equals(pkg.manifest().trainingFingerprint())) {
      throw new VisionException(Reason.DATASET_INVALID, basePackage + " was not trained on " + data.root()
          + "/train/good as it is now (training-data fingerprint differs)");
    }
    return finishAnomaly(data, base, GoodSplit.of(data, base.config().seed()), defectShare,
        new ImageReader(pkg.manifest().registersPart()), target, progress);
  }

  /** The good images split into memory-bank images and held-out calibration images (seeded, 10 %, at least 3). */
  private record GoodSplit(List<Sample> all, List<Sample> fit, List<Sample> calibration) {
    static GoodSplit of(MvtecDataset data, long seed) {
      List<Sample> good = new ArrayList<>(data.trainGood());
      if (good.size() < 10) {
        throw new VisionException(Reason.DATASET_INVALID, data.root() + "/train/good has " + good.size()
            + " images; the unsupervised model needs at least 10");
      }
      Collections.shuffle(good, new Random(seed));
      int held = Math.max(3, good.size() / 10);
      return new GoodSplit(data.trainGood(), good.subList(held, good.size()), good.subList(0, held));
    }
  }

  private static Manifest finishAnomaly(MvtecDataset data, PatchCoreModel trained, GoodSplit split,
      double defectShare, ImageReader reader, Target target, Progress progress) {
    PatchCoreModel model = trained;
    List<Sample> used = new ArrayList<>(split.all());
    List<GreyImage> calibration = reader.images(split.calibration());
    if (defectShare > 0) {
      List<PatchCoreModel.LabelledDefect> labelled = new ArrayList<>();
      for (Sample s : defectShare(data, defectShare, model.config().seed())) {
        ImageReader.Pair pair = reader.withMask(s);
        if (pair == null) {
          continue; // cannot be registered (e.g. its mark is the missing feature): the engine refuses it too
        }
        labelled.add(new PatchCoreModel.LabelledDefect(pair.image(), s.type(), pair.mask()));
        used.add(s);
      }
      model = model.withDefects(labelled, DEFECT_WEIGHT);
      progress.update("defects", 1, 1, Double.NaN);
    }
    double max = 0;
    for (AnomalyMap m : model.score(calibration)) {
      max = Math.max(max, m.score());
    }
    Map<String, Double> metrics = new TreeMap<>();
    metrics.put("calibrationMaxScore", max);
    metrics.put("trainImages", (double) split.fit().size());
    List<String> labels = new ArrayList<>(List.of("good"));
    labels.addAll(model.knownDefectTypes().isEmpty() ? List.of("defect") : model.knownDefectTypes());
    Map<String, Object> configMap = new LinkedHashMap<>(PatchCoreCodec.configMap(model.config()));
    Manifest m = manifest(PatchCoreCodec.KIND, target, model.preprocessing(), reader.registerPart(), labels, max,
        data.fingerprint(used), relative(data, used), configMap, metrics);
    ModelPackage.write(target.file(), m, PatchCoreCodec.payload(model), null, null);
    return m;
  }

  /**
   * Supervised: {@code train/good} plus a seeded share {@code defectShare} of each defect type under {@code test/};
   * the rest of {@code test/} stays unseen and the manifest lists what was used, so {@code evaluate} leaves it out.
   */
  public static Manifest classifier(MvtecDataset data, ClassifierConfig config, double defectShare, Target target,
      Progress progress) {
    return classifier(data, config, defectShare, false, target, progress);
  }

  /** As {@link #classifier(MvtecDataset, ClassifierConfig, double, Target, Progress)}, optionally registered. */
  public static Manifest classifier(MvtecDataset data, ClassifierConfig config, double defectShare,
      boolean registerPart, Target target, Progress progress) {
    ImageReader reader = new ImageReader(registerPart);
    if (!(defectShare > 0 && defectShare < 1)) {
      throw new VisionException(Reason.INVALID_VALUE, "defect-share must be in (0, 1), was " + defectShare);
    }
    List<Sample> used = new ArrayList<>();
    List<DefectClassifier.Labelled> labelled = new ArrayList<>();
    List<GreyImage> good = reader.images(data.trainGood());
    for (int i = 0; i < good.size(); i++) {
      labelled.add(new DefectClassifier.Labelled(good.get(i), MvtecDataset.GOOD, null));
      used.add(data.trainGood().get(i));
    }
    for (Sample s : defectShare(data, defectShare, config.seed())) {
      ImageReader.Pair pair = reader.withMask(s);
      if (pair != null) { // not registrable (e.g. its mark is missing): the engine refuses such parts too
        labelled.add(new DefectClassifier.Labelled(pair.image(), s.type(), pair.mask()));
        used.add(s);
      }
    }
    DefectClassifier.Trained t = DefectClassifier.train(labelled, config, progress);
    Map<String, Double> metrics = new TreeMap<>();
    metrics.put("epochs", (double) t.summary().epochs());
    metrics.put("bestEpoch", (double) t.summary().bestEpoch());
    metrics.put("validationLoss", t.summary().bestValidationLoss());
    metrics.put("trainImages", (double) used.size());
    Manifest m = manifest(ClassifierCodec.KIND, target, t.classifier().preprocessing(), registerPart,
        t.classifier().labels(), 0.5, data.fingerprint(used), relative(data, used),
        ClassifierCodec.configMap(config), metrics);
    ModelPackage.write(target.file(), m, ClassifierCodec.payload(t.classifier()), null, null);
    return m;
  }

  /** A seeded share of each defect type's images (from train/ and test/). */
  static List<Sample> defectShare(MvtecDataset data, double share, long seed) {
    List<Sample> used = new ArrayList<>();
    Random random = new Random(seed);
    for (String type : data.defectTypes()) {
      List<Sample> of = new ArrayList<>(data.test().stream().filter(s -> s.type().equals(type)).toList());
      of.addAll(data.train().stream().filter(s -> s.type().equals(type)).toList());
      Collections.shuffle(of, random);
      used.addAll(of.subList(0, (int) Math.round(of.size() * share)));
    }
    return used;
  }

  /** Energy: regression of the {@code targetColumn} from every other value column of the CSV. */
  public static Manifest energy(Path csv, String targetColumn, int maxEpochs, long seed, Target target,
      Progress progress) {
    List<String> columns = SeriesCsv.header(csv);
    int t = columns.indexOf(targetColumn);
    if (t < 0) {
      throw new VisionException(Reason.DATASET_INVALID, csv + " has no column '" + targetColumn + "' (columns: "
          + columns + ")");
    }
    List<String> inputs = new ArrayList<>(columns);
    inputs.remove(t);
    List<double[]> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    int[] skipped = {0};
    SeriesCsv.forEach(csv, row -> {
      boolean finite = true;
      for (double v : row.values()) {
        finite &= Double.isFinite(v);
      }
      if (!finite) {
        skipped[0]++;
        return;
      }
      double[] x = new double[inputs.size()];
      for (int c = 0, k = 0; c < columns.size(); c++) {
        if (c != t) {
          x[k++] = row.values()[c];
        }
      }
      xs.add(x);
      ys.add(row.values()[t]);
    });
    EnergyEstimator.Trained trained = EnergyEstimator.train(inputs, targetColumn, xs.toArray(new double[0][]),
        ys.stream().mapToDouble(Double::doubleValue).toArray(), maxEpochs, seed, progress);
    Map<String, Double> metrics = new TreeMap<>();
    metrics.put("r2", trained.fit().r2());
    metrics.put("mae", trained.fit().maeKw());
    metrics.put("rows", (double) xs.size());
    metrics.put("skippedRows", (double) skipped[0]);
    Manifest m = manifest(EnergyCodec.KIND, target, null, List.of(), Double.NaN, fileFingerprint(csv),
        List.of(csv.getFileName().toString()), EnergyCodec.configMap(trained.estimator()), metrics);
    ModelPackage.write(target.file(), m, EnergyCodec.payload(trained.estimator()), null, null);
    return m;
  }

  /** Health: the whole CSV is the probation period; the learned normal profile is packaged for {@code score}. */
  public static Manifest health(Path csv, HealthConfig config, Target target) {
    List<String> channels = SeriesCsv.header(csv);
    List<SeriesCsv.Row> rows = SeriesCsv.readAll(csv);
    int windows = (int) rows.stream().filter(r -> allFinite(r.values())).count() / config.window();
    if (windows < 10) {
      throw new VisionException(Reason.DATASET_INVALID, csv + " has " + windows + " complete windows of "
          + config.window() + " valid samples; learning normal needs at least 10");
    }
    HealthDetector d = new HealthDetector(config.withProbationWindows(windows), channels);
    rows.forEach(r -> d.observe(r.timestampMillis(), r.values()));
    Map<String, Double> metrics = new TreeMap<>();
    metrics.put("windows", (double) windows);
    metrics.put("invalidSamples", (double) d.invalidSamples());
    Manifest m = manifest(HealthCodec.KIND, target, null, channels, config.raiseScore(), fileFingerprint(csv),
        List.of(csv.getFileName().toString()), HealthCodec.configMap(config, d.profile()), metrics);
    ModelPackage.write(target.file(), m, Map.of(), null, null);
    return m;
  }

  private static boolean allFinite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  static Manifest manifest(String kind, Target target, Preprocessing pre, List<String> labels, double threshold,
      String fingerprint, List<String> trainedOn, Map<String, Object> config, Map<String, Double> metrics) {
    return manifest(kind, target, pre, false, labels, threshold, fingerprint, trainedOn, config, metrics);
  }

  static Manifest manifest(String kind, Target target, Preprocessing pre, boolean registerPart, List<String> labels,
      double threshold, String fingerprint, List<String> trainedOn, Map<String, Object> config,
      Map<String, Double> metrics) {
    PreprocessingSpec spec = pre == null ? null
        : new PreprocessingSpec(pre.width(), pre.height(), pre.scale(), pre.perImage(), pre.mean(), pre.std(),
            registerPart);
    return new Manifest(Manifest.FORMAT_VERSION, kind, target.name(), target.version(), Instant.now().toString(), spec,
        labels, threshold, fingerprint, trainedOn, new LinkedHashMap<>(config), metrics);
  }

  private static List<String> relative(MvtecDataset data, List<Sample> samples) {
    return samples.stream().map(data::trainingId).sorted().toList();
  }

  private static String fileFingerprint(Path file) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      md.update(Files.readAllBytes(file));
      return HexFormat.of().formatHex(md.digest());
    } catch (Exception e) {
      throw new VisionException(Reason.DATASET_INVALID, "cannot fingerprint " + file + ": " + e.getMessage(), e);
    }
  }
}
