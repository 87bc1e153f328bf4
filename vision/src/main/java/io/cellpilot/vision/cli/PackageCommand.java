package io.cellpilot.vision.cli;

import io.cellpilot.vision.pkg.Keys;
import io.cellpilot.vision.pkg.Manifest;
import io.cellpilot.vision.pkg.ModelPackage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cellpilot package}: re-issues a package (version, threshold) and signs it; or makes a key pair. */
@Command(name = "package", mixinStandardHelpOptions = true,
    description = {"Sign or re-version a model package, or generate a signing key pair.",
        "  cellpilot package --generate-key keys/line1          (writes keys/line1.key and keys/line1.pub)",
        "  cellpilot package --model m.cpm --key keys/line1.key --out m-signed.cpm --model-version 2"})
public final class PackageCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--generate-key", description = "write an Ed25519 key pair <base>.key / <base>.pub and stop")
  Path generateKey;

  @Option(names = "--model", description = "package to re-issue (verified first)")
  Path model;

  @Option(names = "--out", description = "package file to write")
  Path out;

  @Option(names = "--key", description = "Ed25519 private key (PEM) to sign with; its .pub must lie beside it")
  Path key;

  @Option(names = "--model-version", description = "new version text")
  String version;

  @Option(names = "--threshold", description = "new decision threshold")
  Double threshold;

  @Override
  public Integer call() throws Exception {
    return Cli.run(spec, this::pack);
  }

  private Integer pack() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    if (generateKey != null) {
      var pair = Keys.generate();
      Keys.writePair(pair, generateKey);
      o.printf("wrote %s.key (keep it secret) and %s.pub (key %s)%n", generateKey, generateKey,
          Keys.fingerprint(pair.getPublic()));
      o.flush();
      return 0;
    }
    if (model == null || out == null) {
      spec.commandLine().getErr().println("cellpilot package: --model and --out are needed (or --generate-key)");
      return Cli.REFUSED;
    }
    ModelPackage pkg = ModelPackage.read(model, null);
    Manifest m = pkg.manifest();
    if (version != null) {
      m = m.withVersion(version);
    }
    if (threshold != null) {
      m = m.withThreshold(threshold);
    }
    ModelPackage.write(out, m, payloadOf(pkg), key == null ? null : Keys.readPrivate(key),
        key == null ? null : Keys.publicOf(key));
    ModelPackage written = ModelPackage.read(out, key == null ? null : Keys.publicOf(key));
    o.printf("wrote %s: %s %s version %s, SHA-256 %s, %s%n", out, m.kind(), m.name(), m.version(),
        written.sha256(), written.signerFingerprint() == null ? "unsigned" : "signed by key "
            + written.signerFingerprint());
    o.flush();
    return 0;
  }

  static Map<String, byte[]> payloadOf(ModelPackage pkg) {
    return pkg.payload();
  }
}
