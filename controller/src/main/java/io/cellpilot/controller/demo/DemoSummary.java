package io.cellpilot.controller.demo;

import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.events.AlarmCleared;
import io.cellpilot.events.AlarmRaised;
import io.cellpilot.events.CellEvent;
import io.cellpilot.events.InspectionCounts;
import io.cellpilot.events.LineStateChanged;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.events.RobotStateChanged;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the demo prints: the controller's cell events folded into counts, the last verdicts, the robot's state and
 * the active alarms. It only reads events (the operator's view), so what it shows is what the dashboards get.
 */
public final class DemoSummary {
  private static final int LAST_VERDICTS = 4;

  private InspectionCounts counts = InspectionCounts.ZERO;
  private final Deque<String> lastVerdicts = new ArrayDeque<>();
  private final Map<String, String> robots = new LinkedHashMap<>();
  private final Map<String, AlarmRaised> alarms = new LinkedHashMap<>();
  private long picked;
  private long pickFailures;
  private String line = "unknown";
  private long alarmsRaised;

  /** Folds one event in; subscribe this to the controller's event bus. */
  public synchronized void accept(CellEvent event) {
    if (event instanceof PartInspected p) {
      counts = p.counts();
      lastVerdicts.addLast(verdict(p));
      while (lastVerdicts.size() > LAST_VERDICTS) {
        lastVerdicts.removeFirst();
      }
    } else if (event instanceof PartRejected r) {
      if (r.outcome() == PartRejected.Outcome.PICKED) {
        picked++;
      } else {
        pickFailures++;
      }
    } else if (event instanceof RobotStateChanged r) {
      robots.put(r.robotId(), String.format(Locale.ROOT, "%s (%s, safety %s, speed %.0f%%)", r.driverState(),
          r.robotMode(), r.safetyMode(), r.speedScaling() * 100));
    } else if (event instanceof AlarmRaised a) {
      alarms.put(a.alarmId(), a);
      alarmsRaised++;
    } else if (event instanceof AlarmCleared c) {
      alarms.remove(c.alarmId());
    } else if (event instanceof LineStateChanged l) {
      line = l.state() + (l.paused() ? " (paused)" : "");
    }
  }

  public synchronized InspectionCounts counts() {
    return counts;
  }

  public synchronized long picked() {
    return picked;
  }

  /**
   * The summary's lines, after a heading the caller supplies (the simulator's clock and truth).
   *
   * @param robot the picking robot's status as the controller sees it now (null: no robot)
   */
  public synchronized List<String> lines(RobotStatus robot) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "  controller: line %s | inspected %d: good %d, rejected %d, review %d"
            + " | robot picks to bin %d, failed %d", line, counts.inspected(), counts.good(), counts.rejected(),
        counts.review(), picked, pickFailures));
    out.add("  last verdicts: " + (lastVerdicts.isEmpty() ? "(none yet)" : String.join("  ", lastVerdicts)));
    if (robot != null) {
      String reported = robots.get(robot.robotId());
      out.add("  robot " + robot.robotId() + ": " + robot.driverState() + (robot.ready() ? ", ready" : ", not ready")
          + (reported == null ? "" : " | last reported " + reported) + " | " + robot.detail());
    }
    if (alarms.isEmpty()) {
      out.add("  alarms: none active (" + alarmsRaised + " raised so far)");
    } else {
      alarms.values().forEach(a -> out.add(String.format(Locale.ROOT, "  ALARM %s %s: %s (score %.1f)",
          a.severity(), a.source(), a.message(), a.score())));
    }
    return out;
  }

  private static String verdict(PartInspected p) {
    String what = switch (p.action()) {
      case PASS -> "good";
      case REJECT -> "REJECT" + (p.defectType() == null || p.defectType().isBlank() ? "" : " " + p.defectType());
      case REVIEW -> "review";
    };
    return String.format(Locale.ROOT, "%s %s %.2f", p.partId(), what, p.score());
  }
}
