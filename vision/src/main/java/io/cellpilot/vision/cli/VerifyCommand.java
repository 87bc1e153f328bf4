package io.cellpilot.vision.cli;

import io.cellpilot.vision.pkg.Keys;
import io.cellpilot.vision.pkg.Manifest;
import io.cellpilot.vision.pkg.ModelPackage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cellpilot verify}: checks a package's checksum and signature and prints what it holds. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check a model package (SHA-256, signature) and show its manifest. Exit 0 when it may be "
        + "loaded, 2 when it is refused.")
public final class VerifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", description = "package file")
  Path model;

  @Option(names = "--trusted-key", description = "require a signature by this public key (PEM)")
  Path trustedKey;

  @Override
  public Integer call() throws Exception {
    return Cli.run(spec, () -> {
      ModelPackage pkg = ModelPackage.read(model, trustedKey == null ? null : Keys.readPublic(trustedKey));
      Manifest m = pkg.manifest();
      PrintWriter o = spec.commandLine().getOut();
      o.printf("OK %s%n", model);
      o.printf("  kind %s, name %s, version %s, created %s%n", m.kind(), m.name(), m.version(), m.createdAt());
      o.printf("  SHA-256 %s%n", pkg.sha256());
      o.printf("  signature: %s%n", pkg.signerFingerprint() == null ? "none"
          : "valid, key " + pkg.signerFingerprint() + (trustedKey == null ? " (not compared with a trusted key)"
              : " (the trusted key)"));
      if (m.preprocessing() != null) {
        var p = m.preprocessing();
        o.printf("  preprocessing: %s, %s%n", p.scale() > 0 ? "scale " + p.scale() + " (max " + p.width() + " px)"
            : p.width() + "x" + p.height() + " px", p.perImage() ? "per-image standardisation"
            : "mean " + p.mean() + " std " + p.std());
        if (p.registerPart()) {
          o.printf("  part registration: centred, orientation notch turned to +x%n");
        }
      }
      o.printf("  labels %s, threshold %s%n", m.labels(), m.threshold());
      o.printf("  training data %s (%d files)%n", m.trainingFingerprint(), m.trainedOn() == null ? 0
          : m.trainedOn().size());
      o.printf("  metrics %s%n", m.metrics());
      o.flush();
      return 0;
    });
  }
}
