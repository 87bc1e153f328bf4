package io.cellpilot.vision.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellpilot.vision.image.SyntheticDefects;
import io.cellpilot.vision.image.SyntheticParts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The line engineer's round trip with the real commands: train, evaluate, sign, verify, tamper, score. */
class CommandsTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void trainEvaluateSignVerifyAndATamperedPackageIsRefused() throws Exception {
    Path parts = dir.resolve("parts");
    SyntheticParts.writeDataset(parts, 128, 40, 8, 4, SyntheticDefects.kinds(), 5);
    Path model = dir.resolve("parts.cpm");
    Run train = run(new TrainCommand(), "--kind", "anomaly", "--data", parts.toString(), "--out", model.toString(),
        "--scale", "0", "--side", "128", "--bank-size", "1024", "--model-version", "v1");
    assertEquals(0, train.code(), train.err());
    assertTrue(train.err().contains("features"), "progress on stderr: " + train.err());

    Path report = dir.resolve("eval/report.json");
    Path tuned = dir.resolve("parts-tuned.cpm");
    Run eval = run(new EvaluateCommand(), "--model", model.toString(), "--data", parts.toString(), "--report",
        report.toString(), "--write-package", tuned.toString());
    assertEquals(0, eval.code(), eval.err());
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertTrue(json.get("imageAuroc").asDouble() > 0.9, json.toString());
    assertTrue(json.get("pixelAuroc").asDouble() > 0.8, json.toString());
    assertTrue(json.get("threshold").asDouble() > 0);
    for (String type : List.of("crack", "pit", "scratch", "stain")) {
      JsonNode t = json.get("perType").get(type);
      assertTrue(t.has("imageAuroc") && t.has("pixelAuroc") && t.has("threshold"), t.toString());
    }
    assertTrue(Files.size(dir.resolve("eval/roc.png")) > 1000);
    // One row per test image, highest score first, called at the report's threshold.
    List<String> rows = Files.readAllLines(dir.resolve("eval/scores.csv"));
    assertEquals("image,type,score,called,label", rows.get(0));
    assertEquals(json.get("images").asInt() + 1, rows.size(), "one row per scored image");
    double previous = Double.POSITIVE_INFINITY;
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      assertTrue(f[0].startsWith("test/" + f[1] + "/"), row);
      double score = Double.parseDouble(f[2]);
      assertTrue(score <= previous, "sorted by score: " + row);
      assertEquals(score >= json.get("threshold").asDouble() ? "defective" : "good", f[3], row);
      previous = score;
    }
    try (Stream<Path> maps = Files.list(dir.resolve("eval/heat-maps"))) {
      assertTrue(maps.count() >= 5);
    }

    Run key = run(new PackageCommand(), "--generate-key", dir.resolve("line1").toString());
    assertEquals(0, key.code(), key.err());
    Path signed = dir.resolve("parts-signed.cpm");
    Run pack = run(new PackageCommand(), "--model", tuned.toString(), "--key", dir.resolve("line1.key").toString(),
        "--out", signed.toString(), "--model-version", "v2");
    assertEquals(0, pack.code(), pack.err());
    Run ok = run(new VerifyCommand(), signed.toString(), "--trusted-key", dir.resolve("line1.pub").toString());
    assertEquals(0, ok.code(), ok.err());
    assertTrue(ok.out().contains("version v2") && ok.out().contains("valid, key"), ok.out());

    byte[] bytes = Files.readAllBytes(signed);
    bytes[bytes.length / 2] ^= 0x5a;
    Path tampered = Files.write(dir.resolve("tampered.cpm"), bytes);
    Run refused = run(new VerifyCommand(), tampered.toString());
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("refused") || refused.err().contains("not readable"), refused.err());
    Run unsigned = run(new VerifyCommand(), model.toString(), "--trusted-key", dir.resolve("line1.pub").toString());
    assertEquals(2, unsigned.code());
    assertTrue(unsigned.err().contains("not signed"), unsigned.err());
  }

  @Test
  void scoreWritesOneLinePerSampleAndNamesRefusedRows() throws Exception {
    Random r = new Random(2);
    List<String> lines = new ArrayList<>();
    lines.add("timestamp,vibration,current");
    for (int i = 0; i < 3000; i++) {
      double vib = 2 + r.nextGaussian() * 0.1 + (i > 2000 ? 1.0 : 0);
      lines.add(String.format(Locale.ROOT, "2026-11-22T10:%02d:%02dZ,%.3f,%.3f", (i / 60) % 60, i % 60, vib,
          4 + r.nextGaussian() * 0.1));
    }
    lines.set(1500, lines.get(1500).replaceAll(",[^,]*$", ",NaN"));
    Path csv = Files.write(dir.resolve("press.csv"), lines);
    Path out = dir.resolve("scores.csv");
    Run score = run(new ScoreCommand(), "--csv", csv.toString(), "--out", out.toString());
    assertEquals(0, score.code(), score.err());
    List<String> scored = Files.readAllLines(out);
    assertEquals("timestamp,score,alarm", scored.get(0));
    assertEquals(3001, scored.size());
    assertTrue(score.err().contains("line 1501 refused: current is NaN"), score.err());
    assertTrue(scored.get(1400).endsWith(",false"), "healthy: " + scored.get(1400));
    assertTrue(scored.get(2500).endsWith(",true"), "vibration step raised the alarm: " + scored.get(2500));
  }

  @Test
  void aMissingDataFolderIsOneClearLineAndExitCodeTwo() {
    Run r = run(new TrainCommand(), "--kind", "anomaly", "--data", dir.resolve("nowhere").toString(), "--out",
        dir.resolve("x.cpm").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("does not exist"), r.err());
  }

  @Test
  void registeringPartsIsRefusedForSeriesModels() {
    Run r = run(new TrainCommand(), "--kind", "health", "--data", dir.resolve("press.csv").toString(), "--out",
        dir.resolve("x.cpm").toString(), "--register-part");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--register-part is for image models"), r.err());
  }

  @Test
  void registeringImagesWithoutARoundNotchedPartNamesTheImageThatFailed() {
    Path parts = dir.resolve("parts");
    SyntheticParts.writeDataset(parts, 64, 10, 2, 1, SyntheticDefects.kinds(), 5);
    Run r = run(new TrainCommand(), "--kind", "anomaly", "--data", parts.toString(), "--out",
        dir.resolve("x.cpm").toString(), "--scale", "0", "--side", "64", "--register-part");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("train/good") && r.err().contains(".png: NO_PART: no "), r.err());
    assertTrue(!Files.exists(dir.resolve("x.cpm")), "no package written");
  }
}
