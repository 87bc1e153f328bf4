package io.cellpilot.vision.health;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;

/**
 * Settings of the machine-health detector.
 *
 * @param window samples per scored window (per-window mean and spread of each channel are the features)
 * @param probationWindows windows learned as normal before any scoring
 * @param ewmaLambda weight of the newest window in the drift average (small: slower, more sensitive to drift)
 * @param raiseScore a window at or above it counts towards raising the alarm
 * @param clearScore a window below it counts towards clearing the alarm (hysteresis: below {@code raiseScore})
 * @param raiseAfter consecutive windows at or above {@code raiseScore} to raise
 * @param clearAfter consecutive windows below {@code clearScore} to clear
 */
public record HealthConfig(
    int window, int probationWindows, double ewmaLambda, double raiseScore, double clearScore, int raiseAfter,
    int clearAfter) {

  public HealthConfig {
    require(window >= 2 && window <= 100_000, "window", "between 2 and 100000 samples", window);
    require(probationWindows >= 10, "probation-windows", ">= 10", probationWindows);
    require(ewmaLambda > 0 && ewmaLambda <= 1, "ewma-lambda", "in (0, 1]", ewmaLambda);
    require(raiseScore > 0, "raise-score", "> 0", raiseScore);
    require(clearScore > 0 && clearScore < raiseScore, "clear-score", "in (0, raise-score)", clearScore);
    require(raiseAfter >= 1, "raise-after", ">= 1", raiseAfter);
    require(clearAfter >= 1, "clear-after", ">= 1", clearAfter);
  }

  private static void require(boolean ok, String key, String rule, Object value) {
    if (!ok) {
      throw new VisionException(Reason.INVALID_VALUE,
          "cellpilot.health." + key + " must be " + rule + ", was " + value);
    }
  }

  public static HealthConfig defaults() {
    return new HealthConfig(20, 100, 0.05, 6.0, 3.0, 3, 10);
  }

  public HealthConfig withWindow(int newWindow) {
    return new HealthConfig(newWindow, probationWindows, ewmaLambda, raiseScore, clearScore, raiseAfter, clearAfter);
  }

  public HealthConfig withProbationWindows(int windows) {
    return new HealthConfig(window, windows, ewmaLambda, raiseScore, clearScore, raiseAfter, clearAfter);
  }
}
