package io.cellpilot.controller.vision;

import io.cellpilot.controller.models.LoadedModel;
import io.cellpilot.controller.models.ModelLoader;
import io.cellpilot.controller.models.ModelPackageRefused;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.engine.EngineConfig;
import io.cellpilot.vision.engine.InspectionEngine;
import io.cellpilot.vision.health.HealthCodec;
import io.cellpilot.vision.health.HealthDetector;
import io.cellpilot.vision.pkg.Manifest;
import io.cellpilot.vision.pkg.ModelPackage;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads vision model packages for the controller's model registry: the package's SHA-256 is recomputed and, with a
 * trusted key, its signature must be that key's; anything else is refused with the vision library's reason, and the
 * registry keeps the old model serving. Inspection packages ({@code anomaly}, {@code classifier}) start an inference
 * engine; {@code health} packages give a detector per load.
 */
public final class VisionModelLoader implements ModelLoader, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VisionModelLoader.class);
  private static final Set<String> INSPECTION_KINDS = Set.of("anomaly", "classifier");

  private final PublicKey trustedKey;
  private final EngineConfig engineConfig;
  private final boolean learnOnSite;
  private final VisionMetrics metrics;
  private final List<VisionInspectionModel> opened = new ArrayList<>();
  private boolean closed;

  /** @param trustedKey null: packages are checked against their own SHA-256 only */
  public VisionModelLoader(PublicKey trustedKey, EngineConfig engineConfig, boolean learnOnSite,
      VisionMetrics metrics) {
    this.trustedKey = trustedKey;
    this.engineConfig = engineConfig;
    this.learnOnSite = learnOnSite;
    this.metrics = metrics;
  }

  @Override
  public LoadedModel load(String kind, Path packageFile) throws ModelPackageRefused {
    ModelPackage pkg;
    try {
      pkg = ModelPackage.read(packageFile, trustedKey);
    } catch (VisionException e) {
      throw new ModelPackageRefused(e.getMessage(), e);
    }
    Manifest m = pkg.manifest();
    String version = m.name() + ":" + m.version();
    String signer = pkg.signerFingerprint() == null ? "unsigned" : "signed by " + pkg.signerFingerprint();
    try {
      if (kind.equals("health")) {
        if (!HealthCodec.KIND.equals(m.kind())) {
          throw wrongKind(packageFile, m, kind);
        }
        HealthDetector detector = learnOnSite
            ? new HealthDetector(HealthCodec.config(pkg), m.labels())
            : HealthCodec.detector(pkg);
        log.info("[{}] health model from {} ({}, channels {}, {})", version, packageFile.getFileName(), signer,
            m.labels(), learnOnSite ? "learning this machine's normal first" : "packaged normal profile");
        return new LoadedModel(version, pkg.sha256(), packageFile,
            new VisionHealthModel(detector, version, metrics.health(m.name(), m.version())));
      }
      if (!INSPECTION_KINDS.contains(m.kind())) {
        throw wrongKind(packageFile, m, kind);
      }
      return new LoadedModel(version, pkg.sha256(), packageFile, open(pkg, version, packageFile, signer));
    } catch (VisionException e) {
      throw new ModelPackageRefused("model package " + packageFile.getFileName() + " refused: " + e.getMessage(), e);
    }
  }

  private synchronized VisionInspectionModel open(ModelPackage pkg, String version, Path file, String signer)
      throws ModelPackageRefused {
    if (closed) {
      throw new ModelPackageRefused("the controller is shutting down, " + file.getFileName() + " was not loaded");
    }
    Manifest m = pkg.manifest();
    VisionInspectionModel model = new VisionInspectionModel(InspectionEngine.open(pkg, engineConfig), version,
        metrics.inspection(m.name(), m.version()));
    opened.add(model);
    log.info("[{}] inspection model from {} ({}, kind {}, threshold {})", version, file.getFileName(), signer,
        m.kind(), m.threshold());
    return model;
  }

  private static ModelPackageRefused wrongKind(Path file, Manifest m, String slotKind) {
    return new ModelPackageRefused("model package " + file.getFileName() + " holds a " + m.kind() + " model ("
        + m.name() + "), which cannot serve as a " + slotKind + " model");
  }

  /**
   * Stops every inspection engine this loader started. The registry keeps replaced models for rollback, so engines
   * live until the controller stops (each idle one holds its network copy and a waiting thread).
   */
  @Override
  public synchronized void close() {
    closed = true;
    for (VisionInspectionModel model : opened) {
      try {
        model.close();
      } catch (RuntimeException e) {
        log.warn("[{}] closing the inspection engine failed", model.version(), e);
      }
    }
    opened.clear();
  }
}
