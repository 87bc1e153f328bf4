package io.cellpilot.controller.support;

import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.cell.RobotStatus;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the UR driver, which another engineer is building: it records stops and reports readiness as the
 * test sets it. The real driver replaces it once wired; no protocol is faked here.
 */
@Singleton
@Requires(property = "cellpilot-test.robot", value = "recording")
public final class RecordingRobot implements RobotControl {
  public final List<String> stops = new CopyOnWriteArrayList<>();
  public volatile boolean ready = true;

  @Override
  public RobotStatus status() {
    return new RobotStatus("r1", true, ready, ready ? "ACTIVE" : "INACTIVE", ready ? "ready" : "not ready");
  }

  @Override
  public RobotStatus stop(String reason) {
    stops.add(reason);
    ready = false;
    return status();
  }
}
