package io.cellpilot.sim.cli;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;

import io.cellpilot.sim.SimulatedCell;
import io.cellpilot.sim.broker.EmbeddedMqttBroker;
import io.cellpilot.sim.camera.DefectKind;
import io.cellpilot.sim.camera.PartImage;
import io.cellpilot.sim.camera.PartImageGenerator;
import io.cellpilot.sim.camera.Png;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.model.CellListener;
import io.cellpilot.sim.model.CellModel;
import io.cellpilot.sim.time.SimClock;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cellpilot bench sim}: what the simulator costs, each figure beside a baseline measured in the same run
 * (the machine is shared and noisy): cell start-up against a bare Milo server plus a bare embedded broker, camera
 * images against bare PNG encoding of the same pixels, and the model's step rate (the ceiling of time.scale).
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
    description = "Measures the simulator's start-up, camera and model speed against bare baselines.")
public final class SimBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--starts", defaultValue = "3", description = "Warm cell starts to time (default ${DEFAULT-VALUE}).")
  int starts;

  @Option(names = "--images", defaultValue = "200", description = "Images to time (default ${DEFAULT-VALUE}).")
  int images;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("| measurement | simulator | baseline (same run) |");
    out.println("|---|---|---|");
    long cold = timeCellStart();
    out.printf("| cell start-up, first in this JVM (class loading) | %d ms | - |%n", cold);
    List<Long> cell = new ArrayList<>();
    List<Long> bare = new ArrayList<>();
    for (int i = 0; i < starts; i++) {
      cell.add(timeCellStart());
      bare.add(timeBareMilo() + timeBareBroker());
    }
    out.printf("| cell start-up, warm (median of %d) | %d ms | %d ms bare Milo server + bare embedded broker |%n",
        starts, median(cell), median(bare));

    PartImageGenerator generator = new PartImageGenerator(256, 256);
    List<PartImage> rendered = new ArrayList<>();
    double renderPerS = rate(images, i -> {
      PartImage image = generator.render(i, i % 3 == 0 ? Optional.of(DefectKind.values()[i % 5]) : Optional.empty());
      if (rendered.size() <= i) {
        rendered.add(image);
      }
      return image.png().length;
    });
    double encodePerS = rate(images, i -> Png.encodeGray(256, 256, rendered.get(i).pixels()).length);
    out.printf("| camera images 256x256 (render + PNG), one thread | %.0f images/s | %.0f images/s PNG encoding only |%n",
        renderPerS, encodePerS);

    SimConfig config = SimConfig.forTests(1).build();
    SimClock clock = new SimClock(Instant.EPOCH, config.time().step(), 1);
    CellModel model = new CellModel(config, clock, Clock.systemUTC(), new CellListener() {});
    int steps = 30_000;
    long t0 = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      model.step();
    }
    double stepsPerS = steps / ((System.nanoTime() - t0) / 1e9);
    out.printf("| model steps (20 ms each), no devices attached | %.0f steps/s = time.scale ceiling x%.0f | - |%n",
        stepsPerS, stepsPerS * clock.stepNanos() / 1e9);
    out.flush();
    return 0;
  }

  private static long timeCellStart() {
    long t0 = System.nanoTime();
    try (SimulatedCell cell = SimulatedCell.start(SimConfig.forTests(1).build())) {
      return (System.nanoTime() - t0) / 1_000_000;
    }
  }

  private static long timeBareMilo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    long t0 = System.nanoTime();
    EndpointConfig endpoint = EndpointConfig.newBuilder().setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
        .setBindAddress("127.0.0.1").setHostname("127.0.0.1").setBindPort(port).setPath("/bare")
        .setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
        .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS).build();
    OpcUaServer server = new OpcUaServer(OpcUaServerConfig.builder().setApplicationUri("urn:bench:bare")
        .setEndpoints(Set.of(endpoint)).build(),
        profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
    server.startup().get();
    long elapsed = (System.nanoTime() - t0) / 1_000_000;
    server.shutdown().get();
    return elapsed;
  }

  private static long timeBareBroker() {
    long t0 = System.nanoTime();
    try (EmbeddedMqttBroker broker = EmbeddedMqttBroker.builder().build().start()) {
      return (System.nanoTime() - t0) / 1_000_000;
    }
  }

  private interface Work {
    long run(int i);
  }

  private static double rate(int n, Work work) {
    for (int i = 0; i < Math.min(20, n); i++) {
      work.run(i); // warm-up
    }
    long sink = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      sink += work.run(i);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return sink == Long.MIN_VALUE ? 0 : n / seconds;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
