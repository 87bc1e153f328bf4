package io.cellpilot.sim.cobot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard server (UR port 29999): one command per line, one reply line each, with the reply texts of UR's
 * dashboard server documentation ("Powering on", "Brake releasing", "Starting program", "Robotmode: RUNNING", ...).
 */
final class DashboardServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);

  private final CobotCore core;
  private final ByteCounter counter;
  private final TcpServer tcp;

  DashboardServer(CobotCore core, String bindAddress, int port, ByteCounter counter) throws IOException {
    this.core = core;
    this.counter = counter;
    this.tcp = new TcpServer("dashboard", bindAddress, port, this::serve);
  }

  int port() {
    return tcp.port();
  }

  void dropConnections() {
    tcp.dropConnections();
  }

  private void serve(Socket socket) {
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(counter.counting(socket.getInputStream()),
          StandardCharsets.UTF_8));
      OutputStream out = counter.counting(socket.getOutputStream());
      reply(out, "Connected: Universal Robots Dashboard Server");
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.strip();
        if (command.isEmpty()) {
          continue;
        }
        String answer = answer(command);
        reply(out, answer);
        log.debug("[dashboard] '{}' -> '{}'", command, answer);
        if (command.equals("quit")) {
          return;
        }
      }
    } catch (IOException e) {
      log.debug("[dashboard] connection ended: {}", e.toString());
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The reply a UR e-Series dashboard server (PolyScope 5.11) gives to {@code command}. */
  String answer(String command) {
    String lower = command.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "power on":
        core.powerOn();
        return "Powering on";
      case "power off":
        core.powerOff();
        return "Powering off";
      case "brake release":
        core.brakeRelease();
        return "Brake releasing";
      case "play":
        return core.play() ? "Starting program" : "Failed to execute: play";
      case "stop":
        core.stopProgram();
        return "Stopped";
      case "pause":
        return core.pause() ? "Pausing program" : "Failed to execute: pause";
      case "unlock protective stop":
        return core.unlockProtectiveStop() == null ? "Protective stop releasing"
            : "Cannot unlock protective stop until 5s after occurrence. Always inspect cause of protective stop "
                + "before unlocking";
      case "close safety popup":
        return "closing safety popup";
      case "close popup":
        return "closing popup";
      case "robotmode":
        return "Robotmode: " + core.robotMode();
      case "safetymode":
        return "Safetymode: " + core.safetyMode();
      case "safetystatus":
        return "Safetystatus: " + core.safetyMode();
      case "programstate":
        return runtimeName(core.runtimeState()) + " " + nameOr(core.programName(), "<unnamed>");
      case "running":
        return "Program running: " + (core.runtimeState() == UrModes.RuntimeState.PLAYING);
      case "is in remote control":
        return "true";
      case "get loaded program":
        return core.loadedProgram() == null ? "No program loaded" : "Loaded program: " + core.loadedProgram();
      case "get robot model":
        return "UR5";
      case "get serial number":
        return "20205500001";
      case "polyscopeversion":
        return "URSoftware 5.11.1.108318 (Nov 22 2026)";
      case "quit":
        return "Disconnected";
      default:
        break;
    }
    if (lower.startsWith("load ")) {
      String program = command.substring(5).strip();
      if (!program.endsWith(".urp")) {
        return "File not found: " + program;
      }
      core.load(program);
      return "Loading program: " + program;
    }
    return "could not understand: '" + command + "'";
  }

  private static String runtimeName(UrModes.RuntimeState state) {
    return state == UrModes.RuntimeState.PLAYING ? "PLAYING" : state == UrModes.RuntimeState.PAUSED ? "PAUSED"
        : "STOPPED";
  }

  private static String nameOr(String v, String fallback) {
    return v == null ? fallback : v;
  }

  @Override
  public void close() throws IOException {
    tcp.close();
  }
}
