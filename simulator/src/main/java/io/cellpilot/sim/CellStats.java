package io.cellpilot.sim;

import io.cellpilot.sim.line.LineState;
import java.time.Duration;

/**
 * Counters of a running cell: simulated time since start, line state, parts that entered (and how many of them are
 * defective), images delivered, sensor messages sent (of which malformed) and dropped by faults, MQTT messages that
 * could not be sent, and faults started.
 */
public record CellStats(
    Duration simulated,
    LineState line,
    long parts,
    long defective,
    long images,
    long imageFailures,
    long sensorMessages,
    long malformedMessages,
    long droppedByFaults,
    long mqttDropped,
    int faults) {

  /** The demo's one-line summary. */
  public String summary() {
    long s = simulated.toSeconds();
    return String.format("sim %02d:%02d:%02d | line %-7s | parts %d (defective %d) | images %d%s | sensor msgs %d"
            + " (malformed %d, dropped %d) | faults %d | mqtt dropped %d",
        s / 3600, s / 60 % 60, s % 60, line, parts, defective, images,
        imageFailures == 0 ? "" : " (failed " + imageFailures + ")", sensorMessages, malformedMessages,
        droppedByFaults, faults, mqttDropped);
  }
}
