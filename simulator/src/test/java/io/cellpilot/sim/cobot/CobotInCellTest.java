package io.cellpilot.sim.cobot;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.SimulatedCell;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.plc.PlcTestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CobotInCellTest {

  @Test
  void aCellWithCobotEnabledServesTheDashboardAndFeedsTheRobotMeter() throws Exception {
    SimConfig config = SimConfig.forTests(5)
        .mqtt(m -> m.enabled(false))
        .camera(c -> c.enabled(false))
        .cobot(c -> c.enabled(true).ports(0, 0, 0))
        .build();
    try (SimulatedCell cell = SimulatedCell.start(config)) {
      SimulatedCobot cobot = cell.cobot().orElseThrow();
      assertTrue(cell.endpoints().toString().contains("cobot.dashboard"), cell.endpoints().toString());

      try (Socket socket = new Socket("127.0.0.1", cobot.endpoints().dashboardPort());
          BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
        in.readLine(); // the dashboard's greeting
        out.println("power on");
        assertEquals("Powering on", in.readLine());
      }
      // The cell's Robot meter follows the arm's own power, not the fixed figure of an idle arm without a cobot.
      try (PlcTestClient plc = PlcTestClient.connect(cell.endpoints().opcUaUrl())) {
        await().atMost(20, SECONDS).until(() -> {
          double meterKw = ((Number) plc.value("Line1/Machines/Robot/Power/ActivePower")).doubleValue();
          return cobot.powerWatts() > 0 && Math.abs(meterKw - cobot.powerWatts() / 1000.0) < 0.05
              && Math.abs(meterKw - 0.12) > 1e-6;
        });
      }
    }
  }
}
