package io.cellpilot.vision.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cellpilot.vision.engine.EngineConfig;
import io.cellpilot.vision.engine.InspectionEngine;
import io.cellpilot.vision.eval.EvaluationReport;
import io.cellpilot.vision.eval.Evaluator;
import io.cellpilot.vision.image.Images;
import io.cellpilot.vision.image.MvtecDataset;
import io.cellpilot.vision.pkg.Keys;
import io.cellpilot.vision.pkg.Manifest;
import io.cellpilot.vision.pkg.ModelPackage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cellpilot evaluate}: judges an inspection package on an MVTec folder and chooses its threshold. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Score an MVTec folder's test/ images with a package: AUROC, pixel AUROC, threshold, "
        + "precision/recall, confusion, per defect type; ROC curve and heat-map PNGs; JSON report.")
public final class EvaluateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, description = "package file")
  Path model;

  @Option(names = "--data", required = true, description = "MVTec folder (test/<type>/, ground_truth/ optional)")
  Path data;

  @Option(names = "--report", description = "JSON report file")
  Path report;

  @Option(names = "--out-dir", description = "folder for roc.png and heat-maps/*.png (default: beside the report)")
  Path outDir;

  @Option(names = "--samples", defaultValue = "3", description = "heat-map images per group (best/worst per type)")
  int samples;

  @Option(names = "--trusted-key", description = "refuse the package unless signed by this public key")
  Path trustedKey;

  @Option(names = "--write-package", description = "write a copy of the package with the chosen threshold and "
      + "these metrics stored (sign it again with --key)")
  Path writePackage;

  @Option(names = "--key", description = "private key to sign the package written by --write-package")
  Path key;

  @Override
  public Integer call() throws Exception {
    return Cli.run(spec, this::evaluate);
  }

  private Integer evaluate() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PublicKey trusted = trustedKey == null ? null : Keys.readPublic(trustedKey);
    ModelPackage pkg = ModelPackage.read(model, trusted);
    Evaluator.Result result;
    try (InspectionEngine engine = InspectionEngine.open(pkg, new EngineConfig(1, 16, 64, true))) {
      result = Evaluator.evaluate(engine, MvtecDataset.open(data));
    }
    EvaluationReport r = result.report();
    Path dir = outDir != null ? outDir
        : report != null && report.toAbsolutePath().getParent() != null ? report.toAbsolutePath().getParent()
        : Path.of(".");
    Files.createDirectories(dir);
    Images.writePng(Evaluator.rocPlot(result), Evaluator.rocFile(dir));
    for (Map.Entry<String, java.awt.image.BufferedImage> e : Evaluator.heatMapSamples(result, samples).entrySet()) {
      Images.writePng(e.getValue(), dir.resolve("heat-maps").resolve(e.getKey()));
    }
    Files.writeString(Evaluator.scoresFile(dir), Evaluator.scoresCsv(result, data));
    if (report != null) {
      JSON.writeValue(report.toFile(), r);
    }
    out.printf("%s %s (%s) on %s: %d images (%d left out as training data)%n", r.model(), r.version(), r.kind(),
        data, r.images(), r.excludedAsTrained());
    out.printf("image AUROC %.4f   pixel AUROC %s%n", r.imageAuroc(),
        r.pixelAuroc() == null ? "n/a (no masks or heat maps)" : String.format("%.4f", r.pixelAuroc()));
    if (r.refused() > 0) {
      out.printf("refused %d image(s): no part or no clear mark to register by (counted as called defective)%n",
          r.refused());
    }
    out.printf("threshold %.4f (%s; package had %.4f)%n", r.threshold(), r.thresholdRule(), r.storedThreshold());
    out.printf("at threshold: precision %.3f recall %.3f F1 %.3f   confusion [good: %d ok, %d rejected] "
            + "[defect: %d missed, %d caught]%n", r.precision(), r.recall(), r.f1(), r.confusion()[0][0],
        r.confusion()[0][1], r.confusion()[1][0], r.confusion()[1][1]);
    r.perType().forEach((type, t) -> out.printf("  %-12s %3d images  AUROC %.4f  pixel AUROC %s  recall %.3f%n",
        type, t.images(), t.imageAuroc(), t.pixelAuroc() == null ? "n/a" : String.format("%.4f", t.pixelAuroc()),
        t.recall()));
    out.printf("wrote %s, %s%s%n", Evaluator.rocFile(dir), Evaluator.scoresFile(dir),
        report == null ? "" : " and " + report);
    if (writePackage != null) {
      Map<String, Double> metrics = new TreeMap<>(pkg.manifest().metrics() == null ? Map.of()
          : pkg.manifest().metrics());
      metrics.put("imageAuroc", r.imageAuroc());
      if (r.pixelAuroc() != null) {
        metrics.put("pixelAuroc", r.pixelAuroc());
      }
      metrics.put("precision", r.precision());
      metrics.put("recall", r.recall());
      Manifest updated = pkg.manifest().withThreshold(r.threshold()).withMetrics(metrics);
      PrivateKey signer = key == null ? null : Keys.readPrivate(key);
      ModelPackage.write(writePackage, updated, PackageCommand.payloadOf(pkg), signer,
          key == null ? null : Keys.publicOf(key));
      out.printf("wrote %s with threshold %.4f%s%n", writePackage, r.threshold(), key == null ? " (unsigned)"
          : " (signed)");
    }
    out.flush();
    return 0;
  }
}
