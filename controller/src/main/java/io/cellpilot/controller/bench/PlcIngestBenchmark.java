package io.cellpilot.controller.bench;

import io.cellpilot.controller.plc.PlcIngestSource;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.controller.state.TagMaxAges;
import io.cellpilot.opcua.bench.BenchNamespace;
import io.cellpilot.opcua.bench.SequenceCounter;
import io.cellpilot.opcua.client.OpcUaPlcClient;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.SecurityPolicyName;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.server.CellServerConfig;
import io.cellpilot.opcua.server.OpcUaServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;

/**
 * PLC values per second into the cell state through the controller's wiring ({@link PlcIngestSource}: quality and
 * value mapping, the cell state's write and listeners, the periodic confirmations) against the gateway alone (a
 * listener on {@link OpcUaPlcClient} doing the same index lookup), on one in-process server with N changing
 * variables, alternating in one run. Loss is counted from per-variable sequence numbers.
 */
public final class PlcIngestBenchmark {

  /** What to measure. */
  public record Settings(int items, Duration sampling, Duration publishing, int queueSize, Duration warmup,
                         Duration measure, int rounds) {}

  /** One measured run. */
  public record Result(String path, int round, double perSecond, long delivered, long lost) {}

  private final Settings settings;
  private final Path work;

  public PlcIngestBenchmark(Settings settings, Path work) {
    this.settings = settings;
    this.work = work;
  }

  /** Runs gateway, cell state, gateway, cell state... and returns every run. */
  public List<Result> run() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CellServerConfig serverConfig = CellServerConfig.builder().bindAddress("127.0.0.1").port(port).path("/bench")
        .allowSecurityNone(true).allowAnonymous(true).securityPolicies(EnumSet.of(SecurityPolicyName.Basic256Sha256))
        .pkiDir(work.resolve("server-pki")).maxMonitoredItemsPerSession(settings.items() * 2)
        .maxMonitoredItems(settings.items() * 4).build();
    // A local benchmark server trusts every client; the clients still check the server.
    OpcUaServer server = OpcUaServerSetup.create(serverConfig, port, (chain, uri, hosts) -> { });
    BenchNamespace namespace = new BenchNamespace(server, settings.items());
    namespace.startup();
    server.startup().get(30, TimeUnit.SECONDS);
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    try {
      Files.createDirectories(work.resolve("pki/trusted/certs"));
      Files.copy(work.resolve("server-pki/own/cellpilot-server.der"), work.resolve("pki/trusted/certs/bench.der"));
      String endpoint = "opc.tcp://localhost:" + port + "/bench";
      List<Result> results = new ArrayList<>();
      for (int round = 1; round <= settings.rounds(); round++) {
        results.add(runGateway(endpoint, round));
        results.add(runCellState(endpoint, round, scheduler));
      }
      return results;
    } finally {
      scheduler.shutdownNow();
      namespace.shutdown();
      server.shutdown().get(30, TimeUnit.SECONDS);
    }
  }

  private PlcConfig config(String endpoint) {
    PlcConfig.Builder b = PlcConfig.builder("bench").endpoint(endpoint).pkiDir(work.resolve("pki")).noSecurity()
        .publishingInterval(settings.publishing()).requestTimeout(Duration.ofSeconds(60));
    for (int i = 0; i < settings.items(); i++) {
      b.tag(TagConfig.builder("v" + i).nodeId("nsu=" + BenchNamespace.URI + ";s=Bench/V" + i)
          .samplingInterval(settings.sampling()).queueSize(settings.queueSize()));
    }
    return b.build();
  }

  private Map<String, Integer> index(String prefix) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < settings.items(); i++) {
      index.put(prefix + "v" + i, i);
    }
    return index;
  }

  private Result runGateway(String endpoint, int round) throws Exception {
    SequenceCounter counter = new SequenceCounter(settings.items());
    Map<String, Integer> index = index("");
    try (OpcUaPlcClient client = new OpcUaPlcClient(config(endpoint))) {
      client.subscribeAll(v -> {
        Integer i = index.get(v.ref().tag());
        if (i != null && v.value() instanceof Double d) {
          counter.accept(i, d);
        }
      });
      client.start();
      awaitGood(client);
      return measure("gateway", round, counter);
    }
  }

  private Result runCellState(String endpoint, int round, ScheduledExecutorService scheduler) throws Exception {
    SequenceCounter counter = new SequenceCounter(settings.items());
    Map<String, Integer> index = index("bench.");
    CellState state = new CellState(Clock.systemUTC(), new TagMaxAges(Duration.ofSeconds(10)));
    state.addListener(v -> {
      Integer i = index.get(v.tag());
      if (i != null && v.value() instanceof Double d) {
        counter.accept(i, d);
      }
    });
    PlcConfig config = config(endpoint);
    OpcUaPlcClient client = new OpcUaPlcClient(config);
    try (PlcIngestSource source = new PlcIngestSource(client, config.lossDetectionBound(), scheduler,
        Clock.systemUTC())) {
      source.start(state);
      awaitGood(client);
      return measure("cell state", round, counter);
    }
  }

  private static void awaitGood(OpcUaPlcClient client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!client.snapshot().values().stream().allMatch(v -> v.isGood()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private Result measure(String path, int round, SequenceCounter counter) throws InterruptedException {
    Thread.sleep(settings.warmup().toMillis());
    long start = System.nanoTime();
    counter.startMeasuring();
    Thread.sleep(settings.measure().toMillis());
    counter.stopMeasuring();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(path, round, counter.delivered() / seconds, counter.delivered(), counter.lost());
  }

  /** Prints each result as it is made (for the command line). */
  static Consumer<Result> printer(java.io.PrintWriter out) {
    return r -> out.printf("%-12s %5d %,16.0f %,12d %,8d%n", r.path(), r.round(), r.perSecond(), r.delivered(),
        r.lost());
  }
}
