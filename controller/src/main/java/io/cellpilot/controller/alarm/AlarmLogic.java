package io.cellpilot.controller.alarm;

import io.cellpilot.events.Severity;

/**
 * Raising and clearing one alarm from a stream of scores, with hysteresis, as a pure function: the state and one
 * score in, the next state out. The caller compares old and new {@link AlarmState#active()} to publish changes.
 * A NaN score (a detector still learning) changes nothing.
 */
public final class AlarmLogic {
  private AlarmLogic() {}

  public static AlarmState next(AlarmState s, double score, AlarmThresholds t) {
    if (Double.isNaN(score)) {
      return s;
    }
    int aboveW = score >= t.warningRaise() ? s.aboveWarning() + 1 : 0;
    int aboveC = score >= t.criticalRaise() ? s.aboveCritical() + 1 : 0;
    int belowW = score < t.warningClear() ? s.belowWarningClear() + 1 : 0;
    int belowC = score < t.criticalClear() ? s.belowCriticalClear() + 1 : 0;
    Severity active = s.active();
    if (aboveC >= t.raiseAfter()) {
      active = Severity.CRITICAL;
    } else if (active == null && aboveW >= t.raiseAfter()) {
      active = Severity.WARNING;
    } else if (active == Severity.CRITICAL && belowC >= t.clearAfter()) {
      active = belowW >= t.clearAfter() ? null : Severity.WARNING;
    } else if (active == Severity.WARNING && belowW >= t.clearAfter()) {
      active = null;
    }
    return new AlarmState(active, aboveW, aboveC, belowW, belowC);
  }
}
