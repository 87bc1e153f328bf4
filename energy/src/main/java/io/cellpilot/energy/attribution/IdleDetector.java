package io.cellpilot.energy.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches the site meter's energy while the line stands (STOPPED or FAULTED): once a stretch of standing has lasted
 * {@code minDuration} and its mean power is above {@code alarmKw}, the alarm rises; it clears when the line runs again
 * or the mean power falls below 90 % of the level (hysteresis, so it does not flicker). Not thread-safe.
 */
public final class IdleDetector {

  /** A change of the alarm: active or not, with the stretch's mean power and length. */
  public record Change(boolean active, Instant at, double meanKw, Duration stretch) {}

  private final double alarmKw;
  private final Duration minDuration;
  private Instant stretchStart;
  private double stretchKwh;
  private double stretchSeconds;
  private boolean active;

  public IdleDetector(double alarmKw, Duration minDuration) {
    this.alarmKw = alarmKw;
    this.minDuration = minDuration;
  }

  /** Feeds a piece of site energy over {@code [from, to]} drawn in line state {@code state}. */
  public Optional<Change> energy(Instant from, Instant to, double kwh, LineState state) {
    if (!state.idle()) {
      return reset(to);
    }
    if (stretchStart == null) {
      stretchStart = from;
    }
    stretchKwh += kwh;
    stretchSeconds += Duration.between(from, to).toNanos() / 1e9;
    Duration stretch = Duration.between(stretchStart, to);
    double meanKw = stretchSeconds > 0 ? stretchKwh * 3600 / stretchSeconds : 0;
    if (!active && stretch.compareTo(minDuration) >= 0 && meanKw > alarmKw) {
      active = true;
      return Optional.of(new Change(true, to, meanKw, stretch));
    }
    if (active && meanKw < alarmKw * 0.9) {
      active = false;
      return Optional.of(new Change(false, to, meanKw, stretch));
    }
    return Optional.empty();
  }

  /** The line runs again (or its state is unknown): the stretch ends. */
  public Optional<Change> reset(Instant at) {
    double meanKw = stretchSeconds > 0 ? stretchKwh * 3600 / stretchSeconds : 0;
    Duration stretch = stretchStart == null ? Duration.ZERO : Duration.between(stretchStart, at);
    stretchStart = null;
    stretchKwh = 0;
    stretchSeconds = 0;
    if (active) {
      active = false;
      return Optional.of(new Change(false, at, meanKw, stretch));
    }
    return Optional.empty();
  }

  public boolean active() {
    return active;
  }
}
