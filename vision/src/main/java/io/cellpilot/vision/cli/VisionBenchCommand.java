package io.cellpilot.vision.cli;

import io.cellpilot.vision.Progress;
import io.cellpilot.vision.anomaly.PatchCoreConfig;
import io.cellpilot.vision.classify.ClassifierConfig;
import io.cellpilot.vision.engine.EngineConfig;
import io.cellpilot.vision.engine.EngineMetrics;
import io.cellpilot.vision.engine.InspectionEngine;
import io.cellpilot.vision.engine.Verdict;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.image.Preprocessing;
import io.cellpilot.vision.image.SyntheticDefects;
import io.cellpilot.vision.image.SyntheticParts;
import io.cellpilot.vision.pkg.Manifest;
import io.cellpilot.vision.pkg.ModelPackage;
import io.cellpilot.vision.train.Trainers;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cellpilot bench vision}: per-image latency at batch 1 and throughput per batch size through the engine,
 * against the same network's raw DL4J {@code output()} in the same run, so the engine's overhead shows.
 */
@Command(name = "vision", mixinStandardHelpOptions = true,
    description = "Benchmark the inspection engine against raw DL4J output() of the same network.")
public final class VisionBenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--anomaly", description = "anomaly package (default: trained here on synthetic parts)")
  Path anomaly;

  @Option(names = "--classifier", description = "classifier package (default: trained here on synthetic parts)")
  Path classifier;

  @Option(names = "--data", description = "MVTec folder whose test images are sent (default: synthetic 256 px)")
  Path data;

  @Option(names = "--requests", defaultValue = "200", description = "images per latency measurement")
  int requests;

  @Option(names = "--batches", split = ",", defaultValue = "1,4,8,16,32", description = "batch sizes to try")
  int[] batches;

  @Override
  public Integer call() throws Exception {
    return Cli.run(spec, this::bench);
  }

  private Integer bench() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("cellpilot-bench");
    Path folder = data;
    if (folder == null) {
      folder = work.resolve("parts");
      SyntheticParts.writeDataset(folder, 256, 60, 20, 10, SyntheticDefects.kinds(), 7);
    }
    MvtecDataset set = MvtecDataset.open(folder);
    List<byte[]> images = new ArrayList<>();
    for (MvtecDataset.Sample s : set.test()) {
      images.add(Files.readAllBytes(s.image()));
    }
    Path a = anomaly;
    if (a == null && classifier == null) {
      out.println("no packages given: training small models on " + folder + " first");
      out.flush();
      a = work.resolve("anomaly.cpm");
      Trainers.anomaly(set, PatchCoreConfig.defaults().withScale(0).withSide(128).withBankSize(2048),
          new Trainers.Target(a, "bench-anomaly", "1"), Progress.NONE);
    }
    Path c = classifier;
    if (c == null && anomaly == null) {
      c = work.resolve("classifier.cpm");
      Trainers.classifier(set, ClassifierConfig.defaults().withScale(0).withMaxSide(128).withMaxEpochs(3), 0.5,
          new Trainers.Target(c, "bench-classifier", "1"), Progress.NONE);
    }
    out.printf("%d cores, %d test images of %s; figures are per image unless noted%n",
        Runtime.getRuntime().availableProcessors(), images.size(), folder);
    out.printf("%-10s %-44s %9s %9s %10s%n", "model", "path", "p50 ms", "p99 ms", "images/s");
    for (Path p : new Path[] {a, c}) {
      if (p != null) {
        benchOne(ModelPackage.read(p, null), images, out);
      }
    }
    out.flush();
    return 0;
  }

  private void benchOne(ModelPackage pkg, List<byte[]> images, PrintWriter out) throws Exception {
    Manifest m = pkg.manifest();
    Manifest.PreprocessingSpec s = m.preprocessing();
    Preprocessing pre = new Preprocessing(s.width(), s.height(), s.scale(), s.perImage(), s.mean(), s.std());
    io.cellpilot.vision.image.GreyImage image = io.cellpilot.vision.image.ImageDecoder.decode(images.get(0));
    Preprocessing.Input first = pre.prepare(m.registersPart()
        ? io.cellpilot.vision.image.PartRegistration.register(image).image() : image);
    MultiLayerNetwork raw = ModelSerializer.restoreMultiLayerNetwork(
        new ByteArrayInputStream(pkg.entry("network.bin")), false);
    // Baseline: the same network, an input already in an INDArray, one output() per image.
    INDArray one = Nd4j.create(first.values(), new long[] {1, 1, first.height(), first.width()}, 'c');
    for (int i = 0; i < 20; i++) {
      raw.output(one, false);
    }
    long[] rawLatency = new long[requests];
    for (int i = 0; i < requests; i++) {
      long t0 = System.nanoTime();
      raw.output(one, false);
      rawLatency[i] = System.nanoTime() - t0;
    }
    row(out, m.kind(), "raw DL4J output(), batch 1", rawLatency);
    // The whole model without the engine (for anomaly models: network + memory-bank search), same prepared input.
    java.util.function.Consumer<Preprocessing.Input> model = modelCall(pkg);
    for (int i = 0; i < 10; i++) {
      model.accept(first);
    }
    long[] modelLatency = new long[requests];
    for (int i = 0; i < requests; i++) {
      long t0 = System.nanoTime();
      model.accept(first);
      modelLatency[i] = System.nanoTime() - t0;
    }
    row(out, m.kind(), "model call without engine, batch 1", modelLatency);
    try (InspectionEngine engine = InspectionEngine.open(pkg, new EngineConfig(1, 1, 1024, false))) {
      for (int i = 0; i < 20; i++) {
        engine.inspect(images.get(i % images.size()));
      }
      long[] e = new long[requests];
      for (int i = 0; i < requests; i++) {
        long t0 = System.nanoTime();
        engine.inspect(images.get(i % images.size()));
        e[i] = System.nanoTime() - t0;
      }
      row(out, m.kind(), "engine inspect(PNG bytes), batch 1", e);
    }
    double bestRaw = 0;
    double bestEngine = 0;
    int bestRawBatch = 1;
    int bestEngineBatch = 1;
    for (int b : batches) {
      INDArray batch = Nd4j.repeat(one, b).reshape(b, 1, first.height(), first.width());
      raw.output(batch, false);
      int rounds = Math.max(2, requests / b);
      long t0 = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        raw.output(batch, false);
      }
      double rawRate = (double) rounds * b / ((System.nanoTime() - t0) / 1e9);
      double engineRate;
      EngineMetrics metrics;
      try (InspectionEngine engine = InspectionEngine.open(pkg, new EngineConfig(1, b, 4096, false))) {
        List<CompletableFuture<Verdict>> warm = new ArrayList<>();
        for (int i = 0; i < 2 * b; i++) {
          warm.add(engine.inspectAsync(images.get(i % images.size())));
        }
        warm.forEach(CompletableFuture::join);
        int n = Math.max(requests, 4 * b);
        long t1 = System.nanoTime();
        List<CompletableFuture<Verdict>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          all.add(engine.inspectAsync(images.get(i % images.size())));
        }
        all.forEach(CompletableFuture::join);
        engineRate = n / ((System.nanoTime() - t1) / 1e9);
        metrics = engine.metrics();
      }
      out.printf("%-10s %-44s %9s %9s %10.1f%n", m.kind(), "raw DL4J output(), batch " + b, "", "", rawRate);
      out.printf("%-10s %-44s %9s %9s %10.1f%n", m.kind(), String.format("engine, max batch %d (mean %.1f)", b,
          metrics.meanBatchSize()), "", "", engineRate);
      if (rawRate > bestRaw) {
        bestRaw = rawRate;
        bestRawBatch = b;
      }
      if (engineRate > bestEngine) {
        bestEngine = engineRate;
        bestEngineBatch = b;
      }
    }
    out.printf("%-10s best throughput: raw output() %.1f images/s at batch %d; engine %.1f images/s at max batch %d"
        + " (engine includes PNG decode, preprocessing%s)%n", m.kind(), bestRaw, bestRawBatch, bestEngine,
        bestEngineBatch, m.kind().equals("anomaly") ? " and the memory-bank search" : "");
    out.flush();
  }

  private static java.util.function.Consumer<Preprocessing.Input> modelCall(ModelPackage pkg) {
    if (pkg.manifest().kind().equals(io.cellpilot.vision.anomaly.PatchCoreCodec.KIND)) {
      var anomalyModel = io.cellpilot.vision.anomaly.PatchCoreCodec.fromPackage(pkg);
      return in -> anomalyModel.scoreInputs(List.of(in));
    }
    var classifierModel = io.cellpilot.vision.classify.ClassifierCodec.fromPackage(pkg);
    return in -> classifierModel.predictInputs(List.of(in));
  }

  /** Exact percentiles of the measured latencies, and the sequential rate they imply. */
  private static void row(PrintWriter out, String kind, String path, long[] nanos) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    double mean = java.util.Arrays.stream(sorted).average().orElse(Double.NaN);
    out.printf("%-10s %-44s %9.2f %9.2f %10.1f%n", kind, path, percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6, 1e9 / mean);
  }

  private static double percentile(long[] sorted, double q) {
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
