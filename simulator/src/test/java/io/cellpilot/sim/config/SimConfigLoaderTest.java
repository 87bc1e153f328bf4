package io.cellpilot.sim.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.camera.DefectKind;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.machines.MachineId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimConfigLoaderTest {

  @TempDir
  Path tmp;

  @Test
  void theShippedExampleLoadsWithItsDocumentedValues() {
    SimConfig config = SimConfigLoader.load(Path.of("../deploy/sim.yml"));

    assertEquals(42, config.seed());
    assertEquals(4840, config.plc().port());
    assertEquals(1883, config.mqtt().embeddedPort());
    assertTrue(config.mqtt().embedded());
    assertEquals(List.of(DefectKind.values()), config.line().defectKinds());
    assertEquals(List.of(MachineId.PRESS, MachineId.CONVEYOR), config.sensors().machines());
    assertEquals(new Fault.Bearing(MachineId.PRESS, Duration.ofMinutes(30)), config.faults().get(0).fault());
    assertEquals(Duration.ofMinutes(10), config.faults().get(0).at());
  }

  @Test
  void theShippedScenarioHasOneOfEachFault() {
    SimConfig config = SimConfigLoader.parse("scenario: ../deploy/scenarios/every-fault.yml", Path.of("."));
    assertEquals(List.of("bearing", "drift", "dropout", "stuck", "malformed-json", "power-spike", "plc-restart",
        "person-in-zone", "machine-trip"), config.faults().stream().map(f -> f.fault().kind()).toList());
  }

  @Test
  void anEmptyFileGivesTheDefaults() {
    SimConfig config = SimConfigLoader.parse("", tmp);
    assertEquals(0.1, config.line().defectRate());
    assertEquals(1.0, config.time().scale());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      line: {defect-rate: 1.7}                 | line.defect-rate must be between 0 and 1, was 1.7
      line: {defect-rate: high}                | line.defect-rate must be a number, was "high"
      line: {defekt-rate: 0.2}                 | unknown key line.defekt-rate
      colour: blue                             | unknown key colour
      line: {speed: 7.5}                       | line.speed must be between 0.05 and 1 m/s, was 7.5
      line: {defect-kinds: [scratch, dent]}    | line.defect-kinds must list kinds among scratch, crack, pit, stain, missing-feature, was "dent"
      line: {reject-bin: {x: 1, radius: 0}}    | line.reject-bin.radius must be between 0.01 and 2 m, was 0
      line: {pick-position: {x: 1, w: 2}}      | unknown key line.pick-position.w
      plc: {port: 70000}                       | plc.port must be between 0 and 65535, was 70000
      plc: {port: abc}                         | plc.port must be a whole number, was "abc"
      plc: {security: {policies: [aes]}}       | plc.security.policies must list none and/or basic256sha256, was "aes"
      plc: {security: {allow-anonymous: false}} | plc.security.allow-anonymous is false but plc.security.users is empty
      mqtt: {broker-uri: 'localhost:1883'}     | mqtt.broker-uri must look like tcp://host:1883, was "localhost:1883"
      mqtt: {qos: 3}                           | mqtt.qos must be between 0 and 2, was 3
      time: {scale: 0}                         | time.scale must be between 0.1 and 1000, was 0
      time: {step: 5}                          | time.step must be a duration like 250ms, 30s, 5m or 1h, was 5
      time: {start: tomorrow}                  | time.start must be an ISO-8601 instant
      sensors: {machines: [press, pump]}       | sensors.machines must list machines among conveyor, press, robot, was "pump"
      sensors: {interval: 1ms}                 | sensors.interval must be between 10ms and 1h, was 1ms
      camera: {width: 8}                       | camera.width must be between 32 and 2048, was 8
      cobot: {dashboard-port: 30002}           | cobot.dashboard-port, cobot.secondary-port and cobot.rtde-port must differ
      seed: 1.5                                | seed must be a whole number, was 1.5
      line: 3                                  | line must be a mapping of keys to values, was 3
      'line: {speed: 0.2, speed: 0.3}'         | not valid YAML at line 1
      """)
  void aBadValueOrKeyFailsNamingTheKeyAndTheReason(String yaml, String message) {
    SimException e = assertThrows(SimException.class, () -> SimConfigLoader.parse(yaml, tmp));
    assertEquals(SimException.Code.INVALID_CONFIG, e.code());
    assertTrue(e.getMessage().contains(message), "message: " + e.getMessage());
  }

  @Test
  void aFileErrorNamesTheFileAndTheKey() throws Exception {
    Path file = tmp.resolve("sim.yml");
    Files.writeString(file, "seed: 1\nline:\n  defect-rate: 1.7\n");
    SimException e = assertThrows(SimException.class, () -> SimConfigLoader.load(file));
    assertEquals(file + ": line.defect-rate must be between 0 and 1, was 1.7", e.getMessage());
  }

  @Test
  void aMissingFileSaysWhichFile() {
    SimException e = assertThrows(SimException.class, () -> SimConfigLoader.load(tmp.resolve("nope.yml")));
    assertTrue(e.getMessage().contains("nope.yml"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      - {kind: meteor}                                  | faults[0].kind must be one of bearing, drift
      - {at: 5s}                                        | faults[0].kind is missing
      - {kind: bearing}                                 | faults[0].machine is missing
      - {kind: bearing, machine: pump}                  | faults[0].machine must be one of conveyor, press, robot, was "pump"
      - {kind: bearing, machin: press}                  | faults[0].machine is missing
      - {kind: bearing, machine: press, colour: red}    | unknown key faults[0].colour
      - {kind: drift, sensor: press/vibration}          | faults[0].per-hour is missing
      - {kind: dropout, sensor: press/noise}            | faults[0].sensor must be <machine>/<quantity>
      - {kind: stuck, sensor: robot/current}            | faults[0].sensor names robot, which has no health sensors
      - {kind: power-spike, meter: main, extra-kw: -1}  | faults[0].extra-kw must be between 0 and 10000 kW, was -1.0
      - {kind: plc-restart, down: 0s}                   | faults[0].down must be a positive duration
      - {kind: plc-restart, at: soon}                   | faults[0].at must be a duration like
      """)
  void aBadScenarioEntryFailsNamingTheEntryAndTheKey(String entry, String message) throws Exception {
    Path file = tmp.resolve("scenario.yml");
    Files.writeString(file, "faults:\n  " + entry + "\n");
    SimException e = assertThrows(SimException.class,
        () -> SimConfigLoader.parse("scenario: " + file.getFileName(), tmp));
    assertEquals(SimException.Code.INVALID_SCENARIO, e.code());
    assertTrue(e.getMessage().startsWith(file.toString()), "message: " + e.getMessage());
    assertTrue(e.getMessage().contains(message), "message: " + e.getMessage());
  }
}
