package io.cellpilot.controller.energy;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellpilot.controller.ingest.NoDelaySocketFactory;
import io.cellpilot.sim.SimulatedCell;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.model.CellModel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated cell at 25x time for one (short) shift, the controller reading its PLC over OPC UA and publishing over
 * MQTT: the per-part energy and carbon the controller publishes match the simulator's ground truth (its meters' true
 * energy at each change of the part counter) within 0.5 %, and the closed shift is reported and persisted so that
 * {@code cellpilot report} writes it.
 *
 * <p>The bound is on the parts of the shift taken together. Each part's own figure is as exact as the two boundaries
 * the controller sees: the part counter and the energy counter arrive through the OPC UA subscription every 20 ms of
 * wall time (0.5 s of simulated time here), so a boundary can move up to about that much energy into the neighbouring
 * part; those moves cancel within the sum.
 */
class SimulatedShiftEnergyTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final double SOUTH = 0.3869;

  @TempDir
  Path dir;

  @Test
  void perPartEnergyAndCarbonOverMqttMatchTheSimulatorsGroundTruthForAShift() throws Exception {
    // Shifts of 15 s (wall) = 375 s simulated, all day long; shifts are on the controller's clock. The test takes the
    // first shift that starts after parts flow (the controller's start-up time varies on a loaded machine).
    List<String> starts = new java.util.ArrayList<>();
    for (LocalTime t = LocalTime.MIDNIGHT; starts.isEmpty() || !t.equals(LocalTime.MIDNIGHT); t = t.plusSeconds(15)) {
      starts.add(t.toString().length() == 5 ? t + ":00" : t.toString());
    }

    try (SimulatedCell sim = SimulatedCell.start(SimConfig.forTests(8).time(t -> t.scale(25))
        .cobot(c -> c.enabled(false)).build())) {
      List<JsonNode> parts = new CopyOnWriteArrayList<>();
      List<JsonNode> shifts = new CopyOnWriteArrayList<>();
      List<JsonNode> alarms = new CopyOnWriteArrayList<>();
      JsonNode[] target = new JsonNode[1];
      MqttClient mqtt = subscribe(sim, "cellpilot/test/energy/events/#", (topic, msg) -> {
        JsonNode n = JSON.readTree(new String(msg.getPayload(), StandardCharsets.UTF_8));
        if (topic.endsWith("/part-energy")) {
          parts.add(n.get("part"));
        } else if (topic.endsWith("/shift-energy") && n.get("shift").get("closed").asBoolean()) {
          shifts.add(n.get("shift"));
        } else if (topic.endsWith("/alarm-raised")) {
          alarms.add(n);
        }
      });
      Map<String, Object> p = props(sim, starts);
      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p)) {
        await().atMost(60, SECONDS).until(() -> !parts.isEmpty());
        Instant flowing = Instant.parse(parts.get(0).get("to").asText());
        Instant shiftStart = Instant.ofEpochSecond((flowing.getEpochSecond() / 15 + 1) * 15);
        Instant shiftEnd = shiftStart.plusSeconds(15);
        await().atMost(60, SECONDS).until(() -> shifts.stream()
            .anyMatch(s -> Instant.parse(s.get("start").asText()).equals(shiftStart)));
        JsonNode shift = shifts.stream().filter(s -> Instant.parse(s.get("start").asText()).equals(shiftStart))
            .findFirst().orElseThrow();
        target[0] = shift;

        Map<Long, CellModel.EnergyMark> marks = new HashMap<>();
        sim.energyMarks().forEach(m -> marks.put(m.partCount(), m));
        List<JsonNode> inShift = parts.stream().filter(j -> {
          Instant to = Instant.parse(j.get("to").asText());
          return !to.isBefore(shiftStart) && to.isBefore(shiftEnd);
        }).toList();
        assertTrue(inShift.size() > 60, "parts in the shift: " + inShift.size() + " of " + parts.size() + "; shift "
            + shift + "; first part " + (parts.isEmpty() ? null : parts.get(0)));
        double measured = 0;
        double truth = 0;
        double kg = 0;
        for (JsonNode j : inShift) {
          long from = j.get("fromCount").asLong();
          long to = j.get("toCount").asLong();
          double perPart = j.get("siteKwhPerPart").asDouble();
          measured += perPart * (to - from);
          truth += marks.get(to).kwh().get("main") - marks.get(from).kwh().get("main");
          kg += j.get("locationKgPerPart").asDouble() * (to - from);
          assertEquals(perPart * SOUTH, j.get("locationKgPerPart").asDouble(), 1e-12);
          assertEquals(j.get("shift").asText(), shift.get("shift").asText());
        }
        org.slf4j.LoggerFactory.getLogger(SimulatedShiftEnergyTest.class).info(
            "[energy] {} part intervals: measured {} kWh, truth {} kWh, error {} %", inShift.size(), measured, truth,
            String.format(java.util.Locale.ROOT, "%.3f", 100 * (measured - truth) / truth));
        assertEquals(truth, measured, truth * 0.005, "energy of " + inShift.size() + " part intervals");
        assertEquals(truth * SOUTH, kg, truth * SOUTH * 0.005, "location-based CO2 of the parts");

        // The closed shift: its figures, its parts, and its record on disk for the report.
        assertTrue(shift.get("siteKwh").asDouble() > 0, shift.toString());
        assertEquals(shift.get("siteKwh").asDouble() * SOUTH, shift.get("locationKg").asDouble(), 1e-9);
        assertEquals(inShift.stream().mapToLong(j -> j.get("toCount").asLong() - j.get("fromCount").asLong()).sum(),
            shift.get("parts").asLong());
        // The line ran all along (time before the controller first heard the line state is not counted).
        assertTrue(shift.get("runningSeconds").asDouble() > 10, shift.toString());
        assertEquals(1.0, shift.get("availability").asDouble(), shift.toString());
        assertEquals("cn-south-2022", shift.get("factorKey").asText());

        BlockingHttpClient http = server.getApplicationContext().createBean(HttpClient.class, server.getURL())
            .toBlocking();
        String status = http.retrieve(HttpRequest.GET("/api/energy"));
        assertTrue(status.contains("\"siteMeter\":\"main\"") && status.contains("\"shift\":{"), status);
        JsonNode listed = JSON.readTree(http.retrieve(HttpRequest.GET("/api/energy/shifts?from=" + shiftStart + "&to="
            + shiftEnd)));
        assertEquals(shift.get("shift").asText(), listed.get("records").get(0).get("shift").asText(), listed.toString());
        assertTrue(JSON.readTree(http.retrieve(HttpRequest.GET("/api/energy/parts?from=" + shiftStart + "&to="
            + shiftEnd))).get("records").size() >= inShift.size());
        io.micronaut.http.client.exceptions.HttpClientResponseException bad = org.junit.jupiter.api.Assertions
            .assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> http.retrieve(HttpRequest.GET("/api/energy/shifts?from=yesterday")));
        assertEquals(400, bad.getStatus().getCode());

        // The press trips: the line faults but keeps drawing (base load, controls): idle energy, then the alarm.
        assertTrue(alarms.isEmpty(), alarms.toString());
        sim.inject(new io.cellpilot.sim.faults.Fault.MachineTrip(io.cellpilot.sim.machines.MachineId.PRESS,
            "overload"));
        await().atMost(20, SECONDS).until(() -> alarms.stream()
            .anyMatch(a -> a.get("alarmId").asText().equals(EnergyMonitor.IDLE_ALARM)));
        assertTrue(http.retrieve(HttpRequest.GET("/api/cell")).contains("\"alarmId\":\"energy/idle\""));
        await().atMost(10, SECONDS).until(() -> JSON.readTree(http.retrieve(HttpRequest.GET("/api/energy")))
            .get("shift").get("idleKwh").asDouble() > 0);
      }
      mqtt.disconnect();
      mqtt.close();

      JsonNode reported = target[0];
      Path out = dir.resolve("report");
      int code = io.cellpilot.cli.CellPilotCommand.newCommandLine().execute("report", "--records",
          dir.resolve("data/energy").toString(), "--from", reported.get("start").asText(), "--to",
          reported.get("end").asText(), "--out", out.toString());
      assertEquals(0, code);
      List<String> csv = Files.readAllLines(out.resolve("energy-report.csv"));
      assertEquals(2, csv.size(), csv.toString());
      assertTrue(csv.get(1).startsWith(reported.get("shift").asText() + ",") && csv.get(1).contains(",closed,main,"),
          csv.get(1));
      assertTrue(Files.size(out.resolve("energy-report.png")) > 1000);
      // A range without records is a clear error with a non-zero exit code.
      assertFalse(0 == io.cellpilot.cli.CellPilotCommand.newCommandLine().execute("report", "--records",
          dir.resolve("data/energy").toString(), "--from", "2020-01-01", "--to", "2020-01-02", "--out",
          out.toString()));
    }
  }

  private Map<String, Object> props(SimulatedCell sim, List<String> starts) {
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.port", -1);
    p.put("cellpilot.site", "test");
    p.put("cellpilot.cell", "energy");
    p.put("cellpilot.data-dir", dir.resolve("data").toString());
    p.put("cellpilot.mqtt.broker-url", sim.endpoints().mqttUri());
    p.put("cellpilot.security.anonymous-read", true);
    p.put("cellpilot.inspection.enabled", false);
    String plc = "cellpilot.plcs.plc.";
    p.put(plc + "endpoint", sim.endpoints().opcUaUrl());
    p.put(plc + "security-policy", "None");
    p.put(plc + "security-mode", "None");
    p.put(plc + "default-namespace", sim.endpoints().opcUaNamespace());
    // Notifications come in one batch per publishing interval, all stamped with their arrival: a short interval keeps
    // a part boundary within 20 ms (wall) of the counter values around it.
    p.put(plc + "publishing-interval", "20ms");
    Map<String, String> tags = Map.of("part-count", "Line1/Conveyor/PartCount", "line-state", "Line1/State",
        "main-power", "Line1/MainMeter/ActivePower", "main-energy", "Line1/MainMeter/EnergyTotal",
        "press-energy", "Line1/Machines/Press/Power/EnergyTotal");
    tags.forEach((tag, node) -> {
      p.put(plc + "tags." + tag + ".node-id", node);
      p.put(plc + "tags." + tag + ".sampling-interval", "10ms");
    });
    p.put("cellpilot.line.ideal-cycle-time", "2s");
    p.put("cellpilot.energy.period", "500ms");
    p.put("cellpilot.energy.patience", "2s");
    p.put("cellpilot.energy.idle.alarm-kw", 1.0);
    p.put("cellpilot.energy.idle.min-duration", "1s");
    p.put("cellpilot.energy.carbon.grid", "cn-south-2022");
    p.put("cellpilot.energy.shifts.starts", starts);
    p.put("cellpilot.energy.meters.main.energy-tag", "plc.main-energy");
    p.put("cellpilot.energy.meters.main.power-tag", "plc.main-power");
    p.put("cellpilot.energy.meters.press.energy-tag", "plc.press-energy");
    return p;
  }

  private static MqttClient subscribe(SimulatedCell sim, String filter, IMqttMessageListener listener)
      throws Exception {
    MqttClient c = new MqttClient(sim.endpoints().mqttUri(), "energy-test-" + System.nanoTime(),
        new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setSocketFactory(new NoDelaySocketFactory());
    c.connect(o);
    // Pitfall 1 (docs/pitfalls.md): the array form of subscribe.
    c.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)}, new IMqttMessageListener[] {listener});
    return c;
  }
}
