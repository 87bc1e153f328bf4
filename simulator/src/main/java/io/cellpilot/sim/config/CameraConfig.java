package io.cellpilot.sim.config;

import java.nio.file.Path;

/**
 * The inspection camera: image size, the folder it writes {@code <partId>.png} to ({@code null}: a fresh temporary
 * folder) and how many images it keeps there (0: all).
 */
public record CameraConfig(boolean enabled, int width, int height, Path folder, int keepLast) {

  public CameraConfig {
    Check.between("camera.width", width, 32, 2048);
    Check.between("camera.height", height, 32, 2048);
    Check.between("camera.keep-last", keepLast, 0, 10_000_000);
  }

  /** Settings for {@link CameraConfig}; defaults: 256 x 256, temporary folder, keep the last 1000 images. */
  public static final class Builder {
    private boolean enabled = true;
    private int width = 256;
    private int height = 256;
    private Path folder;
    private int keepLast = 1000;

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder size(int width, int height) {
      this.width = width;
      this.height = height;
      return this;
    }

    public Builder folder(Path folder) {
      this.folder = folder;
      return this;
    }

    public Builder keepLast(int keepLast) {
      this.keepLast = keepLast;
      return this;
    }

    public CameraConfig build() {
      return new CameraConfig(enabled, width, height, folder, keepLast);
    }
  }
}
