package io.cellpilot.robot.ur;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The three connections to one UR controller, opened and closed together. */
final class UrLinks implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UrLinks.class);

  final RtdeClient rtde;
  final DashboardClient dashboard;
  final SecondaryClient secondary;
  final RtdeRecipe inputs;

  private UrLinks(RtdeClient rtde, DashboardClient dashboard, SecondaryClient secondary, RtdeRecipe inputs) {
    this.rtde = rtde;
    this.dashboard = dashboard;
    this.secondary = secondary;
    this.inputs = inputs;
  }

  /** Connects all three and starts RTDE; closes whatever was opened when one step fails. */
  static UrLinks open(UrDriverConfig c, RtdeClient.Listener listener, Consumer<Exception> secondaryClosed) {
    int timeout = (int) c.connectTimeout().toMillis();
    RtdeClient rtde = new RtdeClient(c.id(), c.host(), c.rtdePort(), timeout);
    DashboardClient dashboard = new DashboardClient(c.id(), c.host(), c.dashboardPort(), timeout);
    SecondaryClient secondary = new SecondaryClient(c.id(), c.host(), c.secondaryPort(), timeout);
    try {
      rtde.connect();
      int[] v = rtde.controllerVersion();
      log.info("[{}] RTDE connected, controller {}.{}.{}.{}", c.id(), v[0], v[1], v[2], v[3]);
      rtde.setupOutputs(UrStatusDecoder.outputs(c.ackRegister(), c.doneRegister()), c.rtdeFrequency());
      RtdeRecipe inputs = rtde.setupInputs(List.of("speed_slider_mask", "speed_slider_fraction",
          "input_int_register_" + c.watchdogRegister()));
      dashboard.connect();
      secondary.connect(secondaryClosed);
      rtde.start(listener);
      return new UrLinks(rtde, dashboard, secondary, inputs);
    } catch (RuntimeException e) {
      rtde.close();
      dashboard.close();
      secondary.close();
      throw e;
    }
  }

  /** Writes the input recipe: the speed slider (always under CellPilot's control) and the watchdog counter. */
  long sendInputs(double speedFraction, int watchdogCounter) throws IOException {
    return rtde.send(inputs, 1L, speedFraction, watchdogCounter);
  }

  @Override
  public void close() {
    rtde.close();
    dashboard.close();
    secondary.close();
  }
}
