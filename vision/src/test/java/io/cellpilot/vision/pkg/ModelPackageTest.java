package io.cellpilot.vision.pkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackageTest {
  @TempDir
  Path dir;

  private final Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, "anomaly", "tiles", "7", "2026-11-22T00:00:00Z",
      new Manifest.PreprocessingSpec(128, 128, 0, true, 0, 1), List.of("good", "defect"), 4.2, "abc",
      List.of("train/good/1.png"), Map.of("side", 128), Map.of("imageAuroc", 0.93));
  private final Map<String, byte[]> payload = Map.of("network.bin", new byte[] {1, 2, 3, 4, 5});

  @Test
  void aWrittenPackageReadsBackWithItsManifestAndPayload() {
    Path file = dir.resolve("m.cpm");
    ModelPackage.write(file, manifest, payload, null, null);
    ModelPackage pkg = ModelPackage.read(file, null);
    assertEquals(manifest.threshold(), pkg.manifest().threshold());
    assertEquals(manifest.labels(), pkg.manifest().labels());
    assertEquals(0.93, pkg.manifest().metrics().get("imageAuroc"));
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, pkg.entry("network.bin"));
    assertEquals(64, pkg.sha256().length());
    assertNull(pkg.signerFingerprint());
  }

  @Test
  void aManifestWrittenBeforePartRegistrationExistedReadsAsNotRegistering() throws Exception {
    String json = new String(ModelPackage.JSON.writeValueAsBytes(manifest), StandardCharsets.UTF_8);
    String flag = "\"registerPart\" : false";
    assertTrue(json.contains(flag), json);
    // As written before the flag existed: the line (and the comma before it) removed.
    String old = json.replaceAll(",\\s*" + flag, "");
    assertTrue(!old.contains("registerPart"), old);
    Manifest read = ModelPackage.JSON.readValue(old, Manifest.class);
    assertEquals(false, read.registersPart());
    assertEquals(128, read.preprocessing().width());
    assertTrue(ModelPackage.JSON.readValue(json.replace(flag, "\"registerPart\" : true"), Manifest.class)
        .registersPart());
  }

  @Test
  void aPackageWithOneChangedByteIsRefusedForItsChecksum() throws Exception {
    Path file = dir.resolve("m.cpm");
    ModelPackage.write(file, manifest, payload, null, null);
    Path tampered = rewrite(file, "network.bin", new byte[] {1, 2, 3, 4, 6});
    VisionException e = assertThrows(VisionException.class, () -> ModelPackage.read(tampered, null));
    assertEquals(Reason.CHECKSUM_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains("altered or damaged"), e.getMessage());
  }

  @Test
  void aChangedThresholdInTheManifestIsRefusedToo() throws Exception {
    Path file = dir.resolve("m.cpm");
    ModelPackage.write(file, manifest, payload, null, null);
    byte[] json = read(file, ModelPackage.MANIFEST);
    String changed = new String(json, StandardCharsets.UTF_8).replace("4.2", "99.0");
    Path tampered = rewrite(file, ModelPackage.MANIFEST, changed.getBytes(StandardCharsets.UTF_8));
    assertEquals(Reason.CHECKSUM_MISMATCH,
        assertThrows(VisionException.class, () -> ModelPackage.read(tampered, null)).reason());
  }

  @Test
  void aSignedPackageVerifiesAgainstItsTrustedKey() {
    KeyPair pair = Keys.generate();
    Path file = dir.resolve("s.cpm");
    ModelPackage.write(file, manifest, payload, pair.getPrivate(), pair.getPublic());
    ModelPackage pkg = ModelPackage.read(file, pair.getPublic());
    assertEquals(Keys.fingerprint(pair.getPublic()), pkg.signerFingerprint());
  }

  @Test
  void aPackageSignedByAnotherKeyIsRefusedWhenAKeyIsTrusted() {
    KeyPair mallory = Keys.generate();
    Path file = dir.resolve("s.cpm");
    ModelPackage.write(file, manifest, payload, mallory.getPrivate(), mallory.getPublic());
    VisionException e = assertThrows(VisionException.class, () -> ModelPackage.read(file, Keys.generate().getPublic()));
    assertEquals(Reason.SIGNATURE_INVALID, e.reason());
    assertTrue(e.getMessage().contains("not by the trusted key"), e.getMessage());
  }

  @Test
  void anUnsignedPackageIsRefusedWhenASignatureIsRequired() {
    Path file = dir.resolve("m.cpm");
    ModelPackage.write(file, manifest, payload, null, null);
    VisionException e = assertThrows(VisionException.class, () -> ModelPackage.read(file, Keys.generate().getPublic()));
    assertEquals(Reason.SIGNATURE_INVALID, e.reason());
  }

  @Test
  void reSigningTamperedContentWithAForgedChecksumStillFailsTheSignature() throws Exception {
    KeyPair pair = Keys.generate();
    Path file = dir.resolve("s.cpm");
    ModelPackage.write(file, manifest, payload, pair.getPrivate(), pair.getPublic());
    // The attacker changes the network and writes a matching SHA256, but cannot sign it.
    Path forged = dir.resolve("forged.cpm");
    ModelPackage.write(forged, manifest, Map.of("network.bin", new byte[] {9}), null, null);
    Path mixed = rewrite(forged, null, null);
    copyEntry(file, mixed, "signature.bin");
    copyEntry(file, mixed, "signer.pub");
    VisionException e = assertThrows(VisionException.class, () -> ModelPackage.read(mixed, null));
    assertEquals(Reason.SIGNATURE_INVALID, e.reason());
  }

  @Test
  void keysSurviveAPemRoundTrip() throws Exception {
    KeyPair pair = Keys.generate();
    Keys.writePair(pair, dir.resolve("line1"));
    Path file = dir.resolve("s.cpm");
    ModelPackage.write(file, manifest, payload, Keys.readPrivate(dir.resolve("line1.key")),
        Keys.publicOf(dir.resolve("line1.key")));
    ModelPackage.read(file, Keys.readPublic(dir.resolve("line1.pub")));
  }

  @Test
  void aFileThatIsNotAPackageSaysSo() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.cpm"), "not a zip");
    VisionException e = assertThrows(VisionException.class, () -> ModelPackage.read(junk, null));
    assertEquals(Reason.PACKAGE_INVALID, e.reason());
  }

  private static byte[] read(Path zip, String name) throws Exception {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().equals(name)) {
          return in.readAllBytes();
        }
      }
    }
    throw new AssertionError(name + " not in " + zip);
  }

  /** A copy of the package with one entry replaced (or none, when name is null). */
  private Path rewrite(Path zip, String name, byte[] replacement) throws Exception {
    Path out = dir.resolve("t-" + System.nanoTime() + ".cpm");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
        ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(out))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] bytes = in.readAllBytes();
        o.putNextEntry(new ZipEntry(e.getName()));
        o.write(e.getName().equals(name) ? replacement : bytes);
        o.closeEntry();
      }
    }
    return out;
  }

  private static void copyEntry(Path from, Path to, String name) throws Exception {
    byte[] bytes = read(from, name);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(to)); ZipOutputStream o = new ZipOutputStream(buf)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] b = in.readAllBytes();
        o.putNextEntry(new ZipEntry(e.getName()));
        o.write(b);
        o.closeEntry();
      }
      o.putNextEntry(new ZipEntry(name));
      o.write(bytes);
      o.closeEntry();
    }
    Files.write(to, buf.toByteArray());
  }
}
