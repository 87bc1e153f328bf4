package io.cellpilot.controller.vision;

import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.engine.EngineConfig;
import io.cellpilot.vision.pkg.Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the vision models run in the controller ({@code cellpilot.vision.*}): the key every package must be signed with,
 * the inference engine's size, and whether health detectors learn each machine's normal on site.
 *
 * @param trustedKey the Ed25519 public key file; empty: packages are checked against their own SHA-256 only
 */
public record VisionSettings(Optional<Path> trustedKey, EngineConfig engine, boolean learnOnSite) {
  private static final String V = "cellpilot.vision.";

  public static VisionSettings of(ConfigTree config) {
    return new VisionSettings(config.optionalString(V + "trusted-key").map(Path::of),
        new EngineConfig(config.integer(V + "workers"), config.integer(V + "max-batch"),
            config.integer(V + "queue-capacity"), config.bool(V + "heat-maps")),
        config.bool(V + "health.learn-on-site"));
  }

  /** The trusted key, read; or empty when none is configured. */
  public Optional<PublicKey> readTrustedKey() {
    return trustedKey.map(Keys::readPublic);
  }

  /**
   * Problems that span keys, each naming its key: an unreadable trusted key, a model slot used for the wrong kind,
   * and one health model serving two machines (a detector keeps one machine's history, so it cannot serve two).
   */
  public static List<String> problems(ConfigTree config) {
    List<String> problems = new ArrayList<>();
    config.optionalString(V + "trusted-key").ifPresent(file -> {
      if (!Files.isRegularFile(Path.of(file))) {
        problems.add(V + "trusted-key names " + file + ", which is not a file");
      } else {
        try {
          Keys.readPublic(Path.of(file));
        } catch (VisionException e) {
          problems.add(V + "trusted-key: " + e.getMessage());
        }
      }
    });
    config.optionalString("cellpilot.inspection.model").ifPresent(id -> kind(config, id)
        .filter(kind -> !kind.equalsIgnoreCase("inspection"))
        .ifPresent(kind -> problems.add("cellpilot.inspection.model names '" + id + "', which is a " + kind
            + " model, not an inspection model")));
    Map<String, String> users = new LinkedHashMap<>();
    for (String machine : config.ids("cellpilot.health.machines")) {
      String key = "cellpilot.health.machines." + machine + ".model";
      Optional<String> id = config.optionalString(key);
      if (id.isEmpty()) {
        continue;
      }
      kind(config, id.get()).filter(kind -> !kind.equalsIgnoreCase("health"))
          .ifPresent(kind -> problems.add(key + " names '" + id.get() + "', which is a " + kind
              + " model, not a health model"));
      String other = users.putIfAbsent(id.get(), machine);
      if (other != null) {
        problems.add(key + " names '" + id.get() + "', which machine " + other + " already uses: a health model "
            + "learns one machine's history, so give each machine a model entry of its own");
      }
    }
    return problems;
  }

  private static Optional<String> kind(ConfigTree config, String id) {
    return config.optionalString("cellpilot.models." + id + ".kind");
  }
}
