package io.cellpilot.opcua.bench;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.cellpilot.opcua.client.MiloClients;
import io.cellpilot.opcua.client.OpcUaPlcClient;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.SecurityMode;
import io.cellpilot.opcua.config.SecurityPolicyName;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.security.ApplicationCertificate;
import io.cellpilot.opcua.security.PkiDirectory;
import io.cellpilot.opcua.server.CellServerConfig;
import io.cellpilot.opcua.server.OpcUaServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;

/**
 * Notifications per second delivered to listeners for N monitored items: a bare Milo client against the gateway, on
 * the same in-process server, in the same run, alternating so that machine load hits both alike. Loss is counted from
 * per-item sequence numbers (see {@link BenchNamespace}).
 */
public final class NotificationBenchmark {

  /** What to measure. */
  public record Settings(int items, Duration sampling, Duration publishing, int queueSize, Duration warmup,
                         Duration measure, int rounds, boolean secure) {}

  /** One measured run. */
  public record Result(String client, int round, double perSecond, long delivered, long lost) {}

  private final Settings settings;
  private final Path work;

  public NotificationBenchmark(Settings settings, Path work) {
    this.settings = settings;
    this.work = work;
  }

  /** Runs bare, gateway, bare, gateway... and returns every run. */
  public List<Result> run() throws Exception {
    int port = freePort();
    CellServerConfig serverConfig = CellServerConfig.builder().bindAddress("127.0.0.1").port(port)
        .path("/bench").allowSecurityNone(true).allowAnonymous(true)
        .securityPolicies(EnumSet.of(SecurityPolicyName.Basic256Sha256)).pkiDir(work.resolve("server-pki"))
        .maxMonitoredItemsPerSession(settings.items() * 2).maxMonitoredItems(settings.items() * 4).build();
    // A local benchmark server trusts every client; the clients still check the server strictly.
    OpcUaServer server = OpcUaServerSetup.create(serverConfig, port, (chain, uri, hosts) -> { });
    BenchNamespace namespace = new BenchNamespace(server, settings.items());
    namespace.startup();
    server.startup().get(30, TimeUnit.SECONDS);
    try {
      Files.createDirectories(work.resolve("pki/trusted/certs"));
      Files.copy(work.resolve("server-pki/own/cellpilot-server.der"), work.resolve("pki/trusted/certs/bench.der"));
      String endpoint = "opc.tcp://localhost:" + port + "/bench";
      List<Result> results = new ArrayList<>();
      for (int round = 1; round <= settings.rounds(); round++) {
        results.add(runBare(endpoint, round));
        results.add(runGateway(endpoint, round));
      }
      return results;
    } finally {
      namespace.shutdown();
      server.shutdown().get(30, TimeUnit.SECONDS);
    }
  }

  private PlcConfig.Builder config(String id, String endpoint) {
    PlcConfig.Builder b = PlcConfig.builder(id).endpoint(endpoint).pkiDir(work.resolve("pki"))
        .publishingInterval(settings.publishing()).requestTimeout(Duration.ofSeconds(60));
    return settings.secure() ? b.securityPolicy(SecurityPolicyName.Basic256Sha256)
        .securityMode(SecurityMode.SignAndEncrypt) : b.noSecurity();
  }

  private static String nodeId(int i) {
    return "nsu=" + BenchNamespace.URI + ";s=Bench/V" + i;
  }

  private Result runBare(String endpoint, int round) throws Exception {
    SequenceCounter counter = new SequenceCounter(settings.items());
    OpcUaClient client = MiloClients.connect(config("bare", endpoint).build());
    try {
      OpcUaSubscription subscription = new OpcUaSubscription(client, (double) settings.publishing().toMillis());
      subscription.setSubscriptionListener(new OpcUaSubscription.SubscriptionListener() {
        @Override
        public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
          for (int i = 0; i < items.size(); i++) {
            Object v = values.get(i).value().value();
            if (v instanceof Double d) {
              counter.accept((Integer) items.get(i).getUserObject().orElseThrow(), d);
            }
          }
        }
      });
      subscription.create();
      List<OpcUaMonitoredItem> items = new ArrayList<>();
      for (int i = 0; i < settings.items(); i++) {
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(
            ExpandedNodeId.parse(nodeId(i)).toNodeIdOrThrow(client.getNamespaceTable()));
        item.setSamplingInterval(settings.sampling().toMillis());
        item.setQueueSize(uint(settings.queueSize()));
        item.setUserObject(i);
        items.add(item);
      }
      subscription.addMonitoredItems(items);
      subscription.synchronizeMonitoredItems();
      Result result = measure("bare Milo", round, counter);
      subscription.delete();
      return result;
    } finally {
      client.disconnect();
    }
  }

  private Result runGateway(String endpoint, int round) throws Exception {
    SequenceCounter counter = new SequenceCounter(settings.items());
    PlcConfig.Builder config = config("gateway", endpoint);
    for (int i = 0; i < settings.items(); i++) {
      config.tag(TagConfig.builder("v" + i).nodeId(nodeId(i)).samplingInterval(settings.sampling())
          .queueSize(settings.queueSize()));
    }
    try (OpcUaPlcClient client = new OpcUaPlcClient(config.build())) {
      for (int i = 0; i < settings.items(); i++) {
        int index = i;
        client.subscribe("v" + i, v -> {
          if (v.value() instanceof Double d) {
            counter.accept(index, d);
          }
        });
      }
      client.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!client.snapshot().values().stream().allMatch(v -> v.isGood()) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      return measure("gateway", round, counter);
    }
  }

  private Result measure(String name, int round, SequenceCounter counter) throws InterruptedException {
    Thread.sleep(settings.warmup().toMillis());
    long start = System.nanoTime();
    counter.startMeasuring();
    Thread.sleep(settings.measure().toMillis());
    counter.stopMeasuring();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(name, round, counter.delivered() / seconds, counter.delivered(), counter.lost());
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Keeps the key pair generation of the first run out of the measurement. */
  static void warmKeys(Path pki) {
    ApplicationCertificate.loadOrCreate(PkiDirectory.open(pki), "cellpilot-gateway",
        PlcConfig.DEFAULT_APPLICATION_URI, List.of());
  }
}
