package io.cellpilot.vision.pkg;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * One model in one file: a ZIP with {@code manifest.json}, the payload entries (network, memory bank),
 * {@code SHA256} over all of them, and optionally {@code signature.bin} (Ed25519 over the digest) with
 * {@code signer.pub}. Reading recomputes the digest and checks the signature; any mismatch is refused.
 */
public final class ModelPackage {
  public static final String MANIFEST = "manifest.json";
  static final String CHECKSUM = "SHA256";
  static final String SIGNATURE = "signature.bin";
  static final String SIGNER = "signer.pub";
  private static final long MAX_ENTRY_BYTES = 1L << 30;

  static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Manifest manifest;
  private final Map<String, byte[]> payload;
  private final String sha256;
  private final String signerFingerprint;

  private ModelPackage(Manifest manifest, Map<String, byte[]> payload, String sha256, String signerFingerprint) {
    this.manifest = manifest;
    this.payload = payload;
    this.sha256 = sha256;
    this.signerFingerprint = signerFingerprint;
  }

  public Manifest manifest() {
    return manifest;
  }

  /** A payload entry, e.g. {@code network.bin}; refused with a clear message when absent. */
  public byte[] entry(String name) {
    byte[] bytes = payload.get(name);
    if (bytes == null) {
      throw new VisionException(Reason.PACKAGE_INVALID, "package has no entry " + name);
    }
    return bytes;
  }

  /** Every payload entry (not the manifest, checksum or signature), for re-packaging. */
  public Map<String, byte[]> payload() {
    return java.util.Collections.unmodifiableMap(payload);
  }

  public boolean hasEntry(String name) {
    return payload.containsKey(name);
  }

  /** Hex SHA-256 of the package contents (what the signature covers). */
  public String sha256() {
    return sha256;
  }

  /** SHA-256 of the signer's public key, hex, or null when the package is not signed. */
  public String signerFingerprint() {
    return signerFingerprint;
  }

  /** Writes atomically (temporary file, then rename); signs when {@code signer} is not null. */
  public static void write(Path file, Manifest manifest, Map<String, byte[]> payload, PrivateKey signer,
      PublicKey signerPublic) {
    try {
      Map<String, byte[]> entries = new TreeMap<>(payload);
      entries.put(MANIFEST, JSON.writeValueAsBytes(manifest));
      byte[] digest = digest(entries);
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          put(zip, e.getKey(), e.getValue());
        }
        put(zip, CHECKSUM, HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII));
        if (signer != null) {
          Signature s = Signature.getInstance(signer.getAlgorithm());
          s.initSign(signer);
          s.update(digest);
          put(zip, SIGNATURE, s.sign());
          put(zip, SIGNER, signerPublic.getEncoded());
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | GeneralSecurityException e) {
      throw new VisionException(Reason.PACKAGE_INVALID, "cannot write package " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads and verifies a package. With a {@code trustedKey}, the package must be signed by exactly that key;
   * without one, a signature present is still checked against the key it names.
   */
  public static ModelPackage read(Path file, PublicKey trustedKey) {
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (entries.containsKey(e.getName())) {
          throw refused(file, Reason.PACKAGE_INVALID, "entry " + e.getName() + " appears twice");
        }
        entries.put(e.getName(), readBounded(zip, e.getName(), file));
      }
    } catch (IOException e) {
      throw new VisionException(Reason.PACKAGE_INVALID, "package " + file + " is not readable: " + e.getMessage(), e);
    }
    byte[] stored = entries.remove(CHECKSUM);
    byte[] signature = entries.remove(SIGNATURE);
    byte[] signerKey = entries.remove(SIGNER);
    if (stored == null || !entries.containsKey(MANIFEST)) {
      throw refused(file, Reason.PACKAGE_INVALID, "not a CellPilot model package (no " + CHECKSUM + " or "
          + MANIFEST + ")");
    }
    byte[] digest = digest(entries);
    String actual = HexFormat.of().formatHex(digest);
    String expected = new String(stored, StandardCharsets.US_ASCII).trim();
    if (!MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
        expected.getBytes(StandardCharsets.US_ASCII))) {
      throw refused(file, Reason.CHECKSUM_MISMATCH, "SHA-256 of the contents is " + actual + " but the package says "
          + expected + ": the file was altered or damaged");
    }
    String fingerprint = null;
    if (signature != null || signerKey != null) {
      if (signature == null || signerKey == null) {
        throw refused(file, Reason.SIGNATURE_INVALID, "signature or signer key missing");
      }
      PublicKey signer = Keys.publicKey(signerKey);
      fingerprint = Keys.fingerprint(signer);
      if (!Keys.verify(signer, digest, signature)) {
        throw refused(file, Reason.SIGNATURE_INVALID, "signature does not match the contents (signer " + fingerprint
            + ")");
      }
      if (trustedKey != null && !Keys.fingerprint(trustedKey).equals(fingerprint)) {
        throw refused(file, Reason.SIGNATURE_INVALID, "signed by key " + fingerprint + ", not by the trusted key "
            + Keys.fingerprint(trustedKey));
      }
    } else if (trustedKey != null) {
      throw refused(file, Reason.SIGNATURE_INVALID, "package is not signed, but a trusted key is required ("
          + Keys.fingerprint(trustedKey) + ")");
    }
    Manifest manifest;
    try {
      manifest = JSON.readValue(entries.remove(MANIFEST), Manifest.class);
    } catch (IOException e) {
      throw refused(file, Reason.PACKAGE_INVALID, "manifest.json is not valid: " + e.getMessage());
    }
    if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
      throw refused(file, Reason.PACKAGE_INVALID, "format version " + manifest.formatVersion()
          + " is not supported (this build reads " + Manifest.FORMAT_VERSION + ")");
    }
    return new ModelPackage(manifest, entries, actual, fingerprint);
  }

  private static VisionException refused(Path file, Reason reason, String why) {
    return new VisionException(reason, "model package " + file + " refused: " + why);
  }

  /** Digest over name, length and bytes of each entry in name order, so no two packings collide. */
  private static byte[] digest(Map<String, byte[]> entries) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> e : new TreeMap<>(entries).entrySet()) {
        byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(4).putInt(name.length).array());
        md.update(name);
        md.update(ByteBuffer.allocate(8).putLong(e.getValue().length).array());
        md.update(e.getValue());
      }
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }

  private static byte[] readBounded(InputStream in, String name, Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > MAX_ENTRY_BYTES) {
        throw refused(file, Reason.PACKAGE_INVALID, "entry " + name + " is larger than 1 GiB");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** Helper for payload writers. */
  public interface PayloadWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Runs a writer into bytes. */
  public static byte[] bytes(PayloadWriter writer) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      writer.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new VisionException(Reason.PACKAGE_INVALID, "cannot serialise payload: " + e.getMessage(), e);
    }
  }
}
