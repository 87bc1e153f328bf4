package io.cellpilot.robot.bench;

import io.cellpilot.robot.CommandOutcome;
import io.cellpilot.robot.RobotCommand;
import io.cellpilot.robot.guard.GuardLimits;
import io.cellpilot.robot.ur.RtdeStats;
import io.cellpilot.robot.ur.UrDriver;
import io.cellpilot.robot.ur.UrDriverConfig;
import io.cellpilot.sim.cobot.ClockStats;
import io.cellpilot.sim.cobot.CobotConfig;
import io.cellpilot.sim.cobot.SimulatedCobot;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cellpilot bench robot}: the UR driver against the simulated UR5e on loopback. Measures, in one run, RTDE
 * package timing at the client (late and missed packages at 125 or 500 Hz for several minutes) and the latency from a
 * command's submission to its last byte on the socket, next to a baseline: a bare socket write of the same bytes.
 */
@Command(name = "robot", mixinStandardHelpOptions = true,
    description = "Benchmark the UR driver against the simulated cobot: RTDE timing and command send latency.")
public final class RobotBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--minutes", defaultValue = "3", description = "How long to stream RTDE (default ${DEFAULT-VALUE}).")
  double minutes;

  @Option(names = "--hz", defaultValue = "500", description = "RTDE rate: 125 or 500 (default ${DEFAULT-VALUE}).")
  int hz;

  @Option(names = "--command-interval-ms", defaultValue = "20",
      description = "Pause between timed commands (default ${DEFAULT-VALUE} ms).")
  int commandIntervalMs;

  @Option(names = "--warmup-seconds", defaultValue = "5",
      description = "Commands before measuring, to warm up the JIT (default ${DEFAULT-VALUE} s).")
  int warmupSeconds;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (hz != 125 && hz != 500) {
      spec.commandLine().getErr().println("--hz must be 125 or 500, was " + hz);
      return 2;
    }
    try (SimulatedCobot cobot = new SimulatedCobot(CobotConfig.builder().rtdeHz(hz).build()).start();
        Sink sink = new Sink()) {
      SimulatedCobot.Endpoints e = cobot.endpoints();
      try (UrDriver driver = new UrDriver(UrDriverConfig.defaults("bench", e.host())
          .withPorts(e.dashboardPort(), e.secondaryPort(), e.rtdePort())
          .withRtde(hz, Duration.ofSeconds(2))
          .withLimits(GuardLimits.ur5eDefaults().withStatusMaxAge(Duration.ofSeconds(2))))) {
        driver.configure();
        driver.activate();
        out.printf("cellpilot bench robot: %d Hz RTDE for %.1f min, simulated UR5e on loopback%n", hz, minutes);
        out.printf("warming up %d s ...%n", warmupSeconds);
        out.flush();
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
          timedCommand(driver, sink, 0, null, null);
        }
        driver.rtdeStats().reset();
        ClockStats clockBefore = cobot.clockStats();
        long end = System.nanoTime() + (long) (minutes * 60e9);
        long[] driverLatency = new long[1 << 20];
        long[] bareLatency = new long[1 << 20];
        int n = 0;
        int failed = 0;
        while (System.nanoTime() < end && n < driverLatency.length) {
          long[] pair = timedCommand(driver, sink, n, driverLatency, bareLatency);
          if (pair == null) {
            failed++;
          } else {
            n++;
          }
          Thread.sleep(commandIntervalMs);
        }
        RtdeStats rtde = driver.rtdeStats();
        ClockStats clock = cobot.clockStats();
        out.printf(Locale.ROOT, "RTDE at the client: %d packages, %d late (> one period after the best offset), "
            + "%d missed, worst lateness %.2f ms%n", rtde.packages(), rtde.late(), rtde.missed(),
            rtde.maxLatenessMillis());
        out.printf(Locale.ROOT, "simulated robot clock: %d cycles, %d started over one period late, worst %.2f ms%n",
            clock.cycles() - clockBefore.cycles(), clock.lateCycles() - clockBefore.lateCycles(),
            clock.maxLatenessMicros() / 1000.0);
        out.printf(Locale.ROOT, "command submit -> last byte on socket, %d commands (%d not completed):%n", n, failed);
        out.printf(Locale.ROOT, "  driver (guard + URScript + write): p50 %s  p99 %s  max %s%n",
            micros(driverLatency, n, 0.5), micros(driverLatency, n, 0.99), micros(driverLatency, n, 1.0));
        out.printf(Locale.ROOT, "  baseline (bare socket write):       p50 %s  p99 %s  max %s%n",
            micros(bareLatency, n, 0.5), micros(bareLatency, n, 0.99), micros(bareLatency, n, 1.0));
        out.printf(Locale.ROOT, "rejections: %d; robot energy drawn: %.0f J%n", driver.rejections().total(),
            driver.energyJoules());
        out.flush();
        return 0;
      }
    }
  }

  /** One SetOutput through the driver, then the same program's bytes through a bare socket; null when it failed. */
  private static long[] timedCommand(UrDriver driver, Sink sink, int i, long[] driverLatency, long[] bareLatency)
      throws Exception {
    CommandOutcome o = driver.execute(new RobotCommand.SetOutput(1, i % 2 == 0));
    if (!o.completed()) {
      return null;
    }
    String script = "def cellpilot_" + o.commandId() + "():\n  set_standard_digital_out(1, True)\nend\n";
    long bare = sink.write(script.getBytes(StandardCharsets.UTF_8));
    long sent = o.sentNanos() - o.submittedNanos();
    if (driverLatency != null) {
      driverLatency[i] = sent;
      bareLatency[i] = bare;
    }
    return new long[] {sent, bare};
  }

  private static String micros(long[] values, int n, double quantile) {
    if (n == 0) {
      return "n/a";
    }
    long[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    int index = (int) Math.min(n - 1, Math.ceil(quantile * n) - 1);
    return String.format(Locale.ROOT, "%7.1f us", sorted[Math.max(0, index)] / 1000.0);
  }

  /** A loopback peer that reads and discards: the baseline's far end. */
  private static final class Sink implements AutoCloseable {
    private final ServerSocket server;
    private final Socket client;
    private final OutputStream out;

    Sink() throws Exception {
      server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
      client.setTcpNoDelay(true);
      Socket peer = server.accept();
      Thread drain = new Thread(() -> {
        byte[] buf = new byte[8192];
        try (InputStream in = peer.getInputStream()) {
          while (in.read(buf) >= 0) {
            // discard
          }
        } catch (Exception ignored) {
          // the bench is over
        }
      }, "bench-sink");
      drain.setDaemon(true);
      drain.start();
      out = client.getOutputStream();
    }

    long write(byte[] bytes) throws Exception {
      long t0 = System.nanoTime();
      out.write(bytes);
      out.flush();
      return System.nanoTime() - t0;
    }

    @Override
    public void close() throws Exception {
      client.close();
      server.close();
    }
  }
}
