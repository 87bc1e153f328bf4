package io.cellpilot.vision.cli;

import io.cellpilot.vision.health.HealthCodec;
import io.cellpilot.vision.health.HealthConfig;
import io.cellpilot.vision.health.HealthDetector;
import io.cellpilot.vision.health.HealthReading;
import io.cellpilot.vision.health.SeriesCsv;
import io.cellpilot.vision.pkg.Keys;
import io.cellpilot.vision.pkg.ModelPackage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cellpilot score}: runs a sensor CSV through the health detector exactly as live data would flow: it learns
 * during probation at the start (or starts from a packaged profile) and then only scores.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Score a CSV timestamp,value[,value...] online with the machine-health detector; "
        + "writes timestamp,score,alarm.")
public final class ScoreCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--csv", required = true, description = "input series with a header row")
  Path csv;

  @Option(names = "--out", required = true, description = "output CSV timestamp,score,alarm")
  Path out;

  @Option(names = "--model", description = "health package from 'train --kind health' (skips probation)")
  Path model;

  @Option(names = "--trusted-key", description = "require the package to be signed by this public key")
  Path trustedKey;

  @Option(names = "--window", defaultValue = "20", description = "samples per window")
  int window;

  @Option(names = "--probation", defaultValue = "100", description = "windows learned as normal at the start")
  int probation;

  @Option(names = "--raise", defaultValue = "6.0", description = "score that counts towards raising the alarm")
  double raise;

  @Option(names = "--clear", defaultValue = "3.0", description = "score below which the alarm may clear")
  double clear;

  @Override
  public Integer call() throws Exception {
    return Cli.run(spec, this::score);
  }

  private Integer score() throws IOException {
    List<String> channels = SeriesCsv.header(csv);
    HealthDetector detector;
    if (model != null) {
      detector = HealthCodec.detector(ModelPackage.read(model, trustedKey == null ? null
          : Keys.readPublic(trustedKey)));
    } else {
      HealthConfig d = HealthConfig.defaults();
      detector = new HealthDetector(new HealthConfig(window, probation, d.ewmaLambda(), raise, clear,
          d.raiseAfter(), d.clearAfter()), channels);
    }
    long[] counts = new long[3]; // rows, alarm raises, invalid
    boolean[] last = {false};
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("timestamp,score,alarm\n");
      SeriesCsv.forEach(csv, row -> {
        HealthReading r = detector.observe(row.timestampMillis(), row.values());
        counts[0]++;
        if (r.phase() == HealthReading.Phase.INVALID) {
          counts[2]++;
          spec.commandLine().getErr().printf("line %d refused: %s%n", row.line(), r.cause());
        }
        if (r.alarm() && !last[0]) {
          counts[1]++;
        }
        last[0] = r.alarm();
        try {
          w.write(row.timestampText() + "," + (Double.isNaN(r.score()) ? "" : String.format(Locale.ROOT, "%.4f",
              r.score())) + "," + r.alarm() + "\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    spec.commandLine().getOut().printf("scored %d rows of %s (%s): %d alarm(s) raised, %d row(s) refused; wrote %s%n",
        counts[0], csv, String.join(",", channels), counts[1], counts[2], out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
