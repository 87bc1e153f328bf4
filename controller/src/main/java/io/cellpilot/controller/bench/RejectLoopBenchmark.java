package io.cellpilot.controller.bench;

import io.cellpilot.controller.demo.DemoCell;
import io.cellpilot.controller.demo.DemoSimulator;
import io.cellpilot.controller.state.CellState;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.PartInspected;
import io.cellpilot.events.PartRejected;
import io.cellpilot.sim.cobot.SimulatedCobot;
import io.cellpilot.sim.config.SimConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * The reject loop of the whole cell as {@code cellpilot demo} runs it: from the camera's image reaching the broker's
 * subscribers to the robot's first motion program arriving at the (simulated) robot, split at the controller's
 * decision. Only rejects decided while the robot was idle count (one that waits for an earlier pick measures the
 * pick, not the loop). The same run measures bare Paho delivering the same images on the same broker.
 */
public final class RejectLoopBenchmark {

  /** What to run. */
  public record Settings(int rejects, Duration timeout, long seed, double timeScale, double defectRate,
      double partSpacing) {}

  /**
   * One reject: image seen by a subscriber -> decision event -> the part held at the pick position (the controller's
   * cell state sees the PLC's {@code HeldPartId}) -> first robot program received by the robot.
   */
  public record Loop(String partId, long imageToDecisionNanos, long decisionToHeldNanos, long heldToRobotNanos) {
    public long totalNanos() {
      return imageToDecisionNanos + decisionToHeldNanos + heldToRobotNanos;
    }
  }

  /**
   * Everything measured; {@code modelMillis} is the inspection engine's own p50 and p99 (image submitted to verdict)
   * from the controller's metrics, NaN when it published none.
   */
  public record Result(List<Loop> loops, int skippedBusy, long[] bareMqttNanos, double[] modelMillis,
      long startMillis, long wallMillis) {}

  private static final String HELD_PART_TAG = "plc.held-part-id";

  private final Settings settings;
  private final Path home;
  private final Path dataDir;

  public RejectLoopBenchmark(Settings settings, Path home, Path dataDir) {
    this.settings = settings;
    this.home = home;
    this.dataDir = dataDir;
  }

  public Result run() throws Exception {
    SimConfig sim = DemoSimulator.fromFile(home.resolve("deploy/sim.yml"), settings.seed(), settings.timeScale())
        .line(l -> l.defectRate(settings.defectRate()).partSpacing(settings.partSpacing()))
        .build();
    long t0 = System.currentTimeMillis();
    try (DemoCell cell = DemoCell.start(home.resolve("deploy/cellpilot-sim.yml"), home, dataDir, sim, 0, p -> { })) {
      Tracker tracker = new Tracker();
      SimulatedCobot cobot = cell.sim().cobot().orElseThrow(() -> new IllegalStateException("no simulated cobot"));
      cobot.onProgram(program -> tracker.program(System.nanoTime()));
      cell.controller().getBean(CellState.class).addListener(v -> {
        if (v.tag().equals(HELD_PART_TAG) && v.value() instanceof String part && !part.isEmpty()) {
          tracker.held(part, System.nanoTime());
        }
      });
      cell.controller().getBean(CellEventBus.class).subscribe(e -> {
        if (e instanceof PartInspected p && p.action() == PartInspected.Action.REJECT) {
          tracker.decided(p.partId(), System.nanoTime());
        } else if (e instanceof PartRejected r) {
          tracker.pickEnded(r.partId());
        }
      });
      String camera = cell.sim().endpoints().topicPrefix() + "/camera/inspection";
      long[] bare;
      try (BareImageDelivery.Client images = BareImageDelivery.Client.connect(cell.sim().endpoints().mqttUri(),
          "cellpilot-bench-images")) {
        images.paho().subscribe(new MqttSubscription[] {new MqttSubscription(camera, 1)},
            new IMqttMessageListener[] {(topic, message) -> tracker.image(partId(message.getProperties()
                .getUserProperties()), System.nanoTime(), message.getPayload())});
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (tracker.loops().size() < settings.rejects() && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        bare = BareImageDelivery.measure(cell.sim().endpoints().mqttUri(), tracker.lastImage(), 100);
      }
      return new Result(tracker.loops(), tracker.skippedBusy(), bare, modelMillis(cell), cell.startMillis(),
          System.currentTimeMillis() - t0);
    }
  }

  private static double[] modelMillis(DemoCell cell) {
    double[] millis = {Double.NaN, Double.NaN};
    cell.controller().findBean(MeterRegistry.class).map(r -> r.find("cellpilot.vision.latency").timer())
        .ifPresent(timer -> {
          for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
            millis[v.percentile() < 0.9 ? 0 : 1] = v.value(TimeUnit.MILLISECONDS);
          }
        });
    return millis;
  }

  private static String partId(List<UserProperty> properties) {
    for (UserProperty p : properties) {
      if (p.getKey().equals("partId")) {
        return p.getValue();
      }
    }
    return "";
  }

  /** Pairs image arrivals, decisions and robot programs; called from several threads. */
  private static final class Tracker {
    private final Map<String, Long> imageAt = new ConcurrentHashMap<>();
    private final List<Loop> loops = new CopyOnWriteArrayList<>();
    private final AtomicReference<Pending> waiting = new AtomicReference<>();
    private volatile byte[] lastImage = new byte[0];
    private int picksInFlight;
    private int skippedBusy;

    private record Pending(String partId, long imageNanos, long decidedNanos, long heldNanos) {}

    void image(String partId, long now, byte[] payload) {
      imageAt.put(partId, now);
      lastImage = payload;
    }

    synchronized void decided(String partId, long now) {
      Long image = imageAt.remove(partId);
      if (picksInFlight > 0 || image == null) {
        skippedBusy++;
      } else {
        waiting.set(new Pending(partId, image, now, 0));
      }
      picksInFlight++;
    }

    void held(String partId, long now) {
      waiting.updateAndGet(p -> p != null && p.partId().equals(partId) && p.heldNanos() == 0
          ? new Pending(p.partId(), p.imageNanos(), p.decidedNanos(), now) : p);
    }

    void program(long now) {
      Pending p = waiting.get();
      if (p != null && p.heldNanos() != 0 && waiting.compareAndSet(p, null)) {
        loops.add(new Loop(p.partId(), p.decidedNanos() - p.imageNanos(), p.heldNanos() - p.decidedNanos(),
            now - p.heldNanos()));
      }
    }

    synchronized void pickEnded(String partId) {
      picksInFlight = Math.max(0, picksInFlight - 1);
    }

    List<Loop> loops() {
      return new ArrayList<>(loops);
    }

    synchronized int skippedBusy() {
      return skippedBusy;
    }

    byte[] lastImage() {
      return lastImage;
    }
  }
}
