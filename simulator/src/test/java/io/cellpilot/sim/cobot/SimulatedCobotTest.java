package io.cellpilot.sim.cobot;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellpilot.sim.cell.PartHandling;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The simulated UR5e through raw sockets, as UR's documents describe its interfaces (no CellPilot driver). */
class SimulatedCobotTest {

  private static SimulatedCobot start(PartHandling parts) {
    return new SimulatedCobot(CobotConfig.builder().partHandling(parts)
        .protectiveStopUnlockDelay(Duration.ofMillis(500)).build()).start();
  }

  /** A dashboard client: one line out, one line back. */
  private static final class Dashboard implements AutoCloseable {
    final Socket socket;
    final BufferedReader in;
    final OutputStream out;
    final String banner;

    Dashboard(SimulatedCobot c) throws Exception {
      socket = new Socket(c.endpoints().host(), c.endpoints().dashboardPort());
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = socket.getOutputStream();
      banner = in.readLine();
    }

    String send(String command) throws Exception {
      out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return in.readLine();
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }

  private static void powerUp(SimulatedCobot c, Dashboard d) throws Exception {
    assertEquals("Powering on", d.send("power on"));
    await().atMost(5, SECONDS).until(() -> c.state().robotMode() == UrModes.RobotMode.IDLE);
    assertEquals("Brake releasing", d.send("brake release"));
    await().atMost(5, SECONDS).until(() -> c.state().robotMode() == UrModes.RobotMode.RUNNING);
  }

  private static void script(SimulatedCobot c, String text) throws Exception {
    try (Socket s = new Socket(c.endpoints().host(), c.endpoints().secondaryPort())) {
      s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
    }
  }

  @Test
  void theDashboardAnswersWithUniversalRobotsReplyTexts() throws Exception {
    try (SimulatedCobot c = start(PartHandling.NONE); Dashboard d = new Dashboard(c)) {
      assertEquals("Connected: Universal Robots Dashboard Server", d.banner);
      assertEquals("Robotmode: POWER_OFF", d.send("robotmode"));
      powerUp(c, d);
      assertEquals("Robotmode: RUNNING", d.send("robotmode"));
      assertEquals("Safetystatus: NORMAL", d.send("safetystatus"));
      assertEquals("Failed to execute: play", d.send("play"));
      assertEquals("Loading program: reject.urp", d.send("load reject.urp"));
      assertEquals("Starting program", d.send("play"));
      assertEquals("PLAYING reject.urp", d.send("programState"));
      assertEquals("Stopped", d.send("stop"));
      assertEquals("could not understand: 'fly'", d.send("fly"));
    }
  }

  @Test
  void aMoveBeyondTheRobotsOwnJointLimitsIsAProtectiveStopThatUnlocksOnlyAfterTheDelay() throws Exception {
    try (SimulatedCobot c = start(PartHandling.NONE); Dashboard d = new Dashboard(c)) {
      powerUp(c, d);
      script(c, "movej([0, -1.57, 3.5, -1.57, -1.57, 0], a=1.0, v=0.5)\n");
      await().atMost(5, SECONDS).until(() -> c.state().safetyMode() == UrModes.SafetyMode.PROTECTIVE_STOP);
      assertTrue(d.send("unlock protective stop").startsWith("Cannot unlock protective stop until 5s"));
      await().atMost(5, SECONDS).until(() -> d.send("unlock protective stop").equals("Protective stop releasing"));
      await().atMost(5, SECONDS).until(() -> c.state().safetyMode() == UrModes.SafetyMode.NORMAL);
    }
  }

  @Test
  void theGripperOutputGripsAtThePickAndReleasesThePartWhereTheArmIs() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    PartHandling belt = new PartHandling() {
      @Override
      public Optional<String> grip(double x, double y, double z) {
        events.add(String.format("grip %.3f %.3f %.3f", x, y, z));
        return Optional.of("P-1");
      }

      @Override
      public void release(String partId, double x, double y, double z) {
        events.add("release " + partId);
      }
    };
    try (SimulatedCobot c = start(belt); Dashboard d = new Dashboard(c)) {
      powerUp(c, d);
      script(c, "def pick():\n  set_standard_digital_out(0, True)\nend\n");
      await().atMost(5, SECONDS).until(() -> c.state().heldPart().equals(Optional.of("P-1")));
      assertEquals("grip -0.492 -0.133 0.488", events.get(0)); // the home pose's flange position
      script(c, "set_standard_digital_out(0, False)\n");
      await().atMost(5, SECONDS).until(() -> events.contains("release P-1"));
    }
  }

  @Test
  void movingDrawsMorePowerThanHoldingStill() throws Exception {
    try (SimulatedCobot c = start(PartHandling.NONE); Dashboard d = new Dashboard(c)) {
      powerUp(c, d);
      double holding = c.powerWatts();
      script(c, "movej([1.5, -1.2, 1.2, -1.57, -1.57, 0], a=2.0, v=1.0)\n");
      await().atMost(5, SECONDS).until(() -> c.state().moving() && c.powerWatts() > holding + 5);
      await().atMost(10, SECONDS).until(() -> !c.state().moving());
      assertTrue(c.energyJoules() > 0);
    }
  }

  @Test
  void rtdeAnswersUnknownVariablesWithNotFoundAndOwnedInputsWithInUse() throws Exception {
    try (SimulatedCobot c = start(PartHandling.NONE);
        Socket a = new Socket(c.endpoints().host(), c.endpoints().rtdePort());
        Socket b = new Socket(c.endpoints().host(), c.endpoints().rtdePort())) {
      assertEquals("1", reply(a, 'V', new byte[] {0, 2}).substring(0, 1));
      byte[] names = "actual_q,no_such_thing".getBytes(StandardCharsets.US_ASCII);
      String outputs = reply(a, 'O', ByteBuffer.allocate(8 + names.length).putDouble(125).put(names).array());
      assertEquals("0VECTOR6D,NOT_FOUND", outputs);
      assertEquals("1INT32", reply(a, 'I', "input_int_register_30".getBytes(StandardCharsets.US_ASCII)));
      assertEquals("0IN_USE", reply(b, 'I', "input_int_register_30".getBytes(StandardCharsets.US_ASCII)));
    }
  }

  /** Sends one RTDE packet and returns the reply's payload, the first byte as a number, the rest as text. */
  private static String reply(Socket s, int type, byte[] payload) throws Exception {
    DataOutputStream out = new DataOutputStream(s.getOutputStream());
    out.writeShort(payload.length + 3);
    out.writeByte(type);
    out.write(payload);
    out.flush();
    DataInputStream in = new DataInputStream(s.getInputStream());
    int size = in.readUnsignedShort();
    assertEquals(type, in.readUnsignedByte());
    byte[] body = new byte[size - 3];
    in.readFully(body);
    return (body[0] & 0xff) + new String(body, 1, body.length - 1, StandardCharsets.US_ASCII);
  }
}
