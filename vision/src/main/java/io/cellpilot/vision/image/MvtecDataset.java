package io.cellpilot.vision.image;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder in the MVTec AD layout: {@code train/<class>/*}, {@code test/<class>/*} and optional
 * {@code ground_truth/<class>/<name>_mask.png}. The class {@code good} means defect-free.
 */
public final class MvtecDataset {
  public static final String GOOD = "good";

  /** One image of the set; {@code mask} is null when the set has no mask for it. */
  public record Sample(Path image, String type, Path mask) {
    public boolean isGood() {
      return GOOD.equals(type);
    }

    public String name() {
      return image.getFileName().toString();
    }
  }

  private final Path root;
  private final List<Sample> train;
  private final List<Sample> test;

  private MvtecDataset(Path root, List<Sample> train, List<Sample> test) {
    this.root = root;
    this.train = List.copyOf(train);
    this.test = List.copyOf(test);
  }

  /** Scans a folder; a missing {@code train/good} or {@code test} folder is reported by name. */
  public static MvtecDataset open(Path root) {
    if (!Files.isDirectory(root)) {
      throw new VisionException(Reason.DATASET_INVALID, "dataset folder " + root + " does not exist");
    }
    List<Sample> train = scan(root, "train");
    List<Sample> test = scan(root, "test");
    if (train.isEmpty() && test.isEmpty()) {
      throw new VisionException(Reason.DATASET_INVALID,
          root + " is not in the MVTec layout: no images under train/<class>/ or test/<class>/");
    }
    return new MvtecDataset(root, train, test);
  }

  public Path root() {
    return root;
  }

  public List<Sample> train() {
    return train;
  }

  public List<Sample> test() {
    return test;
  }

  /** Train images of class {@code good}. */
  public List<Sample> trainGood() {
    return train.stream().filter(Sample::isGood).toList();
  }

  /** The defect classes found under {@code train/} and {@code test/}, sorted. */
  public List<String> defectTypes() {
    return Stream.concat(train.stream(), test.stream()).map(Sample::type).filter(t -> !GOOD.equals(t))
        .distinct().sorted().toList();
  }

  /**
   * SHA-256 over the relative path and content of the given samples, sorted: names the exact data a model was
   * trained on, so a package can say so.
   */
  public String fingerprint(List<Sample> samples) {
    try {
      MessageDigest all = MessageDigest.getInstance("SHA-256");
      List<Path> paths = samples.stream().map(Sample::image).sorted().toList();
      for (Path p : paths) {
        all.update(root.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        all.update(sha256(p));
      }
      return HexFormat.of().formatHex(all.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new VisionException(Reason.DATASET_INVALID, "cannot fingerprint " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * How a manifest names a training file: its path relative to the root, {@code @}, and the first 16 hex digits of
   * its SHA-256, so that a file of the same name in another data set is not mistaken for it.
   */
  public String trainingId(Sample sample) {
    try {
      String rel = root.relativize(sample.image()).toString().replace('\\', '/');
      return rel + "@" + HexFormat.of().formatHex(sha256(sample.image())).substring(0, 16);
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new VisionException(Reason.DATASET_INVALID, "cannot read " + sample.image() + ": " + e.getMessage(), e);
    }
  }

  private static byte[] sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStreamSink.INSTANCE);
    }
    return md.digest();
  }

  private static List<Sample> scan(Path root, String split) {
    Path dir = root.resolve(split);
    List<Sample> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> classes = Files.list(dir)) {
      for (Path classDir : classes.filter(Files::isDirectory).sorted().toList()) {
        String type = classDir.getFileName().toString();
        try (Stream<Path> files = Files.list(classDir)) {
          for (Path image : files.filter(MvtecDataset::isImage).sorted().toList()) {
            out.add(new Sample(image, type, maskFor(root, type, image)));
          }
        }
      }
    } catch (IOException e) {
      throw new VisionException(Reason.DATASET_INVALID, "cannot list " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Path maskFor(Path root, String type, Path image) {
    if (GOOD.equals(type)) {
      return null;
    }
    String name = image.getFileName().toString();
    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    Path mask = root.resolve("ground_truth").resolve(type).resolve(stem + "_mask.png");
    return Files.isRegularFile(mask) ? mask : null;
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg")
        || n.endsWith(".bmp"));
  }

  /** Discards bytes; the digest stream computes while they pass. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
