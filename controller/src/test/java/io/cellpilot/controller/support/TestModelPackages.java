package io.cellpilot.controller.support;

import io.cellpilot.controller.models.LoadedModel;
import io.cellpilot.controller.models.ModelLoader;
import io.cellpilot.controller.models.ModelPackageRefused;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Properties;

/**
 * An in-test model package format and its loader: a properties file with {@code version}, {@code threshold} and the
 * SHA-256 of those two lines; editing either without the checksum makes the package "tampered" and it is refused,
 * as the vision library's real packages will be.
 */
@Singleton
@Requires(property = "cellpilot-test.model-loader", value = "brightness")
public final class TestModelPackages implements ModelLoader {

  /** Writes a valid package. */
  public static Path write(Path file, String version, double threshold) throws IOException {
    String body = body(version, threshold);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, body + "sha256=" + sha(body) + "\n");
    return file;
  }

  /** Writes a package whose content was changed after its checksum was computed. */
  public static Path writeTampered(Path file, String version, double threshold) throws IOException {
    String honest = body(version, threshold);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, body(version, threshold / 2) + "sha256=" + sha(honest) + "\n");
    return file;
  }

  @Override
  public LoadedModel load(String kind, Path file) throws ModelPackageRefused {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException e) {
      throw new ModelPackageRefused("cannot read " + file + ": " + e.getMessage(), e);
    }
    String version = p.getProperty("version", "");
    double threshold = Double.parseDouble(p.getProperty("threshold", "NaN"));
    String expected = sha(body(version, threshold));
    if (!expected.equals(p.getProperty("sha256"))) {
      throw new ModelPackageRefused("checksum mismatch in " + file.getFileName() + ": the package was modified");
    }
    return new LoadedModel(version, expected, file, new BrightnessModel(version, threshold));
  }

  private static String body(String version, double threshold) {
    return "version=" + version + "\nthreshold=" + threshold + "\n";
  }

  private static String sha(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
