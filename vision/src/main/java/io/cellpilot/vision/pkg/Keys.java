package io.cellpilot.vision.pkg;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Ed25519 keys for signing model packages, stored as PEM (PKCS#8 private, X.509 public), all from the JDK. */
public final class Keys {
  private static final String ALGORITHM = "Ed25519";

  private Keys() {}

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 missing from the JDK", e);
    }
  }

  /** Writes {@code <base>.key} (owner-only) and {@code <base>.pub}. */
  public static void writePair(KeyPair pair, Path base) throws IOException {
    Path priv = Path.of(base + ".key");
    Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    try {
      Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // Not a POSIX file system: the operator protects the file.
    }
    Files.writeString(Path.of(base + ".pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
  }

  public static PrivateKey readPrivate(Path file) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(file, "PRIVATE KEY")));
    } catch (GeneralSecurityException e) {
      throw new VisionException(Reason.SIGNATURE_INVALID, file + " is not an Ed25519 private key: " + e.getMessage());
    }
  }

  public static PublicKey readPublic(Path file) {
    return publicKey(unpem(file, "PUBLIC KEY"));
  }

  static PublicKey publicKey(byte[] x509) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new VisionException(Reason.SIGNATURE_INVALID, "not an Ed25519 public key: " + e.getMessage());
    }
  }

  /** Derives the public key of a private key (Ed25519 keys in PKCS#8 from the JDK carry no public part). */
  public static PublicKey publicOf(Path privateKeyFile) {
    Path pub = Path.of(privateKeyFile.toString().replaceAll("\\.key$", "") + ".pub");
    if (!Files.isRegularFile(pub)) {
      throw new VisionException(Reason.SIGNATURE_INVALID, "public key " + pub + " not found next to "
          + privateKeyFile);
    }
    return readPublic(pub);
  }

  /** Hex SHA-256 of the encoded public key: how logs and messages name a key. */
  public static String fingerprint(PublicKey key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
          .substring(0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  private static byte[] unpem(Path file, String type) {
    try {
      String text = Files.readString(file);
      int start = text.indexOf("-----BEGIN " + type + "-----");
      int end = text.indexOf("-----END " + type + "-----");
      if (start < 0 || end < 0) {
        throw new VisionException(Reason.SIGNATURE_INVALID, file + " holds no PEM " + type);
      }
      String body = text.substring(start + type.length() + 16, end).replaceAll("\\s", "");
      return Base64.getDecoder().decode(body);
    } catch (IOException | IllegalArgumentException e) {
      throw new VisionException(Reason.SIGNATURE_INVALID, "cannot read key " + file + ": " + e.getMessage());
    }
  }
}
