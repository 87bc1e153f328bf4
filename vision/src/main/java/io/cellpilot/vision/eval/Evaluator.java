package io.cellpilot.vision.eval;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.engine.HeatMap;
import io.cellpilot.vision.engine.InspectionEngine;
import io.cellpilot.vision.engine.Verdict;
import io.cellpilot.vision.eval.EvaluationReport.TypeMetrics;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.MvtecDataset.Sample;
import io.cellpilot.vision.pkg.Manifest;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Scores every test image of an MVTec folder through the inspection engine (the same path as the live cell) and
 * computes the report: image and pixel AUROC, the best-F1 threshold, precision/recall, confusion, per defect type.
 * Images the model was trained on (its manifest lists them) are left out.
 */
public final class Evaluator {
  /** Heat maps and masks are compared on this grid for pixel AUROC. */
  static final int PIXEL_GRID = 64;

  /** The label of a test image the engine refused to inspect (no part or no clear mark to register it by). */
  public static final String REFUSED = "refused";

  /** One scored test image. */
  public record Scored(Sample sample, Verdict verdict) {}

  /** The report with the per-image results behind it. */
  public record Result(EvaluationReport report, List<Scored> scored) {}

  private Evaluator() {}

  public static Result evaluate(InspectionEngine engine, MvtecDataset data) {
    Manifest m = engine.manifest();
    Set<String> trained = new HashSet<>(m.trainedOn() == null ? List.of() : m.trainedOn());
    Set<String> trainedPaths = new HashSet<>();
    trained.forEach(id -> trainedPaths.add(id.contains("@") ? id.substring(0, id.lastIndexOf('@')) : id));
    List<Sample> samples = new ArrayList<>();
    int excluded = 0;
    for (Sample s : data.test()) {
      String rel = data.root().relativize(s.image()).toString().replace('\\', '/');
      // Same path and same content: hashing only the files whose path matches keeps this cheap.
      if (trainedPaths.contains(rel) && trained.contains(data.trainingId(s))) {
        excluded++;
      } else {
        samples.add(s);
      }
    }
    if (samples.stream().noneMatch(Sample::isGood) || samples.stream().allMatch(Sample::isGood)) {
      throw new VisionException(VisionException.Reason.DATASET_INVALID, data.root()
          + " needs good and defective test images (after leaving out " + excluded + " used in training)");
    }
    List<Scored> scored = new ArrayList<>();
    // Submit in chunks so the engine batches, without ever filling its queue.
    for (int start = 0; start < samples.size(); start += 32) {
      List<Sample> chunk = samples.subList(start, Math.min(samples.size(), start + 32));
      List<CompletableFuture<Verdict>> futures = new ArrayList<>();
      for (Sample s : chunk) {
        futures.add(engine.inspectAsync(Images.read(s.image())));
      }
      for (int i = 0; i < chunk.size(); i++) {
        scored.add(new Scored(chunk.get(i), verdictOrRefusal(futures.get(i), m)));
      }
    }
    return new Result(report(m, data, scored, excluded), scored);
  }

  /**
   * The verdict; a part the engine refused as unregistrable (NO_PART: e.g. its orientation mark is the missing
   * feature) is held on the line, so it counts as called defective, with an infinite score and no heat map.
   */
  private static Verdict verdictOrRefusal(CompletableFuture<Verdict> future, Manifest m) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof VisionException v && v.reason() == VisionException.Reason.NO_PART) {
        return new Verdict(REFUSED, true, Double.POSITIVE_INFINITY, m.threshold(), null, m.version(), 0, 0);
      }
      throw e;
    }
  }

  static EvaluationReport report(Manifest m, MvtecDataset data, List<Scored> scored, int excluded) {
    double[] scores = scored.stream().mapToDouble(s -> s.verdict().score()).toArray();
    boolean[] positive = new boolean[scored.size()];
    for (int i = 0; i < positive.length; i++) {
      positive[i] = !scored.get(i).sample().isGood();
    }
    double auroc = Roc.auroc(scores, positive);
    double threshold = Roc.bestF1Threshold(scores, positive);
    Roc.Counts at = Roc.Counts.at(scores, positive, threshold);
    Roc.Counts stored = Roc.Counts.at(scores, positive, m.threshold());
    Map<String, TypeMetrics> perType = new TreeMap<>();
    for (String type : types(scored)) {
      List<Scored> subset = scored.stream().filter(s -> s.sample().isGood() || s.sample().type().equals(type))
          .toList();
      double[] ts = subset.stream().mapToDouble(s -> s.verdict().score()).toArray();
      boolean[] tp = new boolean[subset.size()];
      for (int i = 0; i < tp.length; i++) {
        tp[i] = !subset.get(i).sample().isGood();
      }
      perType.put(type, new TypeMetrics((int) subset.stream().filter(s -> !s.sample().isGood()).count(),
          Roc.auroc(ts, tp), pixelAuroc(subset), Roc.bestF1Threshold(ts, tp),
          Roc.Counts.at(ts, tp, threshold).recall(), Roc.Counts.at(ts, tp, m.threshold()).recall()));
    }
    Map<String, Map<String, Long>> labels = null;
    if ("classifier".equals(m.kind())) {
      labels = new TreeMap<>();
      for (Scored s : scored) {
        String predicted = s.verdict().score() >= threshold
            ? (s.verdict().defective() ? s.verdict().label() : bestDefectLabel(s)) : "good";
        labels.computeIfAbsent(s.sample().type(), k -> new TreeMap<>()).merge(predicted, 1L, Long::sum);
      }
    }
    return new EvaluationReport(m.name(), m.version(), m.kind(), data.root().toString(), scored.size(), excluded,
        auroc, pixelAuroc(scored), threshold, "best F1 on this data set", m.threshold(), at.precision(),
        at.recall(), at.f1(), stored.precision(), stored.recall(),
        new long[][] {{at.tn(), at.fp()}, {at.fn(), at.tp()}}, labels, perType,
        (int) scored.stream().filter(s -> REFUSED.equals(s.verdict().label())).count());
  }

  private static String bestDefectLabel(Scored s) {
    // Below the stored threshold the verdict says "good"; at the chosen threshold the class still matters.
    return s.verdict().label().equals("good") ? "defect" : s.verdict().label();
  }

  private static List<String> types(List<Scored> scored) {
    return scored.stream().map(s -> s.sample().type()).filter(t -> !MvtecDataset.GOOD.equals(t)).distinct()
        .sorted().toList();
  }

  /**
   * Pixel AUROC over the given images; null when no defect image has a mask or a scored verdict has no heat map.
   * Refused images have no heat map and are left out.
   */
  static Double pixelAuroc(List<Scored> all) {
    List<Scored> scored = all.stream().filter(s -> !REFUSED.equals(s.verdict().label())).toList();
    boolean anyMask = scored.stream().anyMatch(s -> s.sample().mask() != null);
    boolean allHeat = scored.stream().allMatch(s -> s.verdict().heatMap() != null);
    if (!anyMask || !allHeat) {
      return null;
    }
    List<Scored> usable = scored.stream().filter(s -> s.sample().isGood() || s.sample().mask() != null).toList();
    int per = PIXEL_GRID * PIXEL_GRID;
    float[] values = new float[usable.size() * per];
    boolean[] positive = new boolean[values.length];
    for (int i = 0; i < usable.size(); i++) {
      Scored s = usable.get(i);
      HeatMap h = s.verdict().heatMap();
      float[] heat = new GreyImage(h.width(), h.height(), h.values()).resize(PIXEL_GRID, PIXEL_GRID).pixels();
      System.arraycopy(heat, 0, values, i * per, per);
      if (s.sample().mask() != null) {
        float[] mask = Images.read(s.sample().mask()).resize(PIXEL_GRID, PIXEL_GRID).pixels();
        for (int p = 0; p < per; p++) {
          positive[i * per + p] = mask[p] >= 0.5f;
        }
      }
    }
    double a = Roc.aurocLarge(values, positive);
    return Double.isNaN(a) ? null : a;
  }

  /** ROC curves of all images and of each defect type. */
  public static BufferedImage rocPlot(Result result) {
    Map<String, List<Roc.Point>> curves = new LinkedHashMap<>();
    Map<String, Double> aurocs = new LinkedHashMap<>();
    curves.put("all", curve(result.scored()));
    aurocs.put("all", result.report().imageAuroc());
    for (String type : types(result.scored())) {
      curves.put(type, curve(result.scored().stream()
          .filter(s -> s.sample().isGood() || s.sample().type().equals(type)).toList()));
      aurocs.put(type, result.report().perType().get(type).imageAuroc());
    }
    EvaluationReport r = result.report();
    return Plots.roc(curves, aurocs, r.model() + " " + r.version() + " (" + r.kind() + ")");
  }

  private static List<Roc.Point> curve(List<Scored> s) {
    double[] scores = s.stream().mapToDouble(x -> x.verdict().score()).toArray();
    boolean[] pos = new boolean[s.size()];
    for (int i = 0; i < pos.length; i++) {
      pos[i] = !s.get(i).sample().isGood();
    }
    return Roc.curve(scores, pos);
  }

  /**
   * Heat-map overlays worth looking at: per defect type the highest- and lowest-scored images, and the
   * highest-scored good images (likely false alarms). File name -> image.
   */
  public static Map<String, BufferedImage> heatMapSamples(Result result, int perGroup) {
    Map<String, BufferedImage> out = new LinkedHashMap<>();
    Map<String, List<Scored>> groups = new TreeMap<>();
    for (Scored s : result.scored()) {
      if (s.verdict().heatMap() != null) {
        groups.computeIfAbsent(s.sample().type(), k -> new ArrayList<>()).add(s);
      }
    }
    for (Map.Entry<String, List<Scored>> e : groups.entrySet()) {
      List<Scored> sorted = new ArrayList<>(e.getValue());
      sorted.sort(Comparator.comparingDouble((Scored s) -> s.verdict().score()).reversed());
      List<Scored> pick = new ArrayList<>(sorted.subList(0, Math.min(perGroup, sorted.size())));
      if (!e.getKey().equals(MvtecDataset.GOOD)) {
        for (int i = Math.max(perGroup, sorted.size() - perGroup); i < sorted.size(); i++) {
          pick.add(sorted.get(i));
        }
      }
      for (Scored s : pick) {
        HeatMap h = s.verdict().heatMap();
        float[] v = h.values().clone();
        for (int i = 0; i < v.length; i++) {
          v[i] = Math.min(1f, v[i] / 2f); // threshold shows at half intensity, twice the threshold saturates
        }
        String name = String.format("%s_%.3f_%s.png", e.getKey(), s.verdict().score(),
            s.sample().name().replaceAll("\\.[a-zA-Z]+$", ""));
        out.put(name, Images.overlay(Images.read(s.sample().image()), new GreyImage(h.width(), h.height(), v)));
      }
    }
    return out;
  }

  /** Where a report's files go. */
  public static Path rocFile(Path dir) {
    return dir.resolve("roc.png");
  }

  /** The per-image results' file beside the report. */
  public static Path scoresFile(Path dir) {
    return dir.resolve("scores.csv");
  }

  /**
   * One row per scored image, highest score first, so the images a threshold gets wrong are easy to find:
   * {@code image,type,score,called,label} ({@code image} relative to the data folder; {@code called} is
   * {@code defective} or {@code good} at the report's threshold; a refused image has score {@code inf}).
   */
  public static String scoresCsv(Result result, Path dataRoot) {
    double threshold = result.report().threshold();
    List<Scored> sorted = new ArrayList<>(result.scored());
    sorted.sort(Comparator.comparingDouble((Scored s) -> s.verdict().score()).reversed());
    Path root = dataRoot.toAbsolutePath().normalize();
    StringBuilder out = new StringBuilder("image,type,score,called,label\n");
    for (Scored s : sorted) {
      double score = s.verdict().score();
      out.append(root.relativize(s.sample().image().toAbsolutePath().normalize()).toString().replace('\\', '/')).append(',')
          .append(s.sample().type()).append(',')
          .append(Double.isInfinite(score) ? "inf" : String.format(Locale.ROOT, "%.5f", score)).append(',')
          .append(score >= threshold ? "defective" : "good").append(',')
          .append(s.verdict().label() == null ? "" : s.verdict().label()).append('\n');
    }
    return out.toString();
  }
}
