package io.cellpilot.sim;

import io.cellpilot.sim.broker.EmbeddedMqttBroker;
import io.cellpilot.sim.camera.Camera;
import io.cellpilot.sim.camera.PartImage;
import io.cellpilot.sim.camera.PartImageGenerator;
import io.cellpilot.sim.cell.PartHandling;
import io.cellpilot.sim.config.SimConfig;
import io.cellpilot.sim.faults.Fault;
import io.cellpilot.sim.faults.FaultRecord;
import io.cellpilot.sim.faults.ScenarioReader;
import io.cellpilot.sim.faults.ScheduledFault;
import io.cellpilot.sim.line.PartTruth;
import io.cellpilot.sim.machines.ElectricalLoad;
import io.cellpilot.sim.model.CellModel;
import io.cellpilot.sim.mqtt.MqttPublisher;
import io.cellpilot.sim.plc.PlcControl;
import io.cellpilot.sim.plc.PlcServer;
import io.cellpilot.sim.sensors.DevicePublisher;
import io.cellpilot.sim.time.SimClock;
import io.cellpilot.sim.time.SimLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated work cell, running: the PLC (OPC UA), the health sensors and power meters (MQTT), the camera (MQTT and
 * a folder), optional components such as the cobot, all driven by one deterministic model. Start one with
 * {@link #start(SimConfig)}; {@link #close()} stops everything it started and leaves no thread of its own behind.
 */
public final class SimulatedCell implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SimulatedCell.class);

  private final SimConfig config;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final Map<String, String> componentEndpoints = new LinkedHashMap<>();
  private final ScenarioReader scenarios;
  private EmbeddedMqttBroker broker;
  private MqttPublisher mqtt;
  private DevicePublisher devices;
  private CellModel model;
  private PlcServer plc;
  private Camera camera;
  private Path cameraFolder;
  private boolean temporaryCameraFolder;
  private SimLoop loop;
  private ExecutorService plcLifecycle;
  private volatile boolean closed;

  private SimulatedCell(SimConfig config) {
    this.config = config;
    this.scenarios = new ScenarioReader(config.sensors().machines());
  }

  /** Starts a cell with its built-in components (those its configuration enables). */
  public static SimulatedCell start(SimConfig config) {
    return start(config, builtInComponents());
  }

  /**
   * The components every cell offers; each factory decides from the configuration whether to create one. The
   * cobot's factory (package {@code io.cellpilot.sim.cobot}) belongs in this list.
   */
  static List<CellComponent.Factory> builtInComponents() {
    return List.of(io.cellpilot.sim.cobot.CobotComponent.factory());
  }

  /** Starts a cell and the components {@code factories} create for it. */
  public static SimulatedCell start(SimConfig config, List<CellComponent.Factory> factories) {
    SimulatedCell cell = new SimulatedCell(config);
    try {
      cell.startAll(factories);
      return cell;
    } catch (RuntimeException e) {
      cell.close();
      throw e;
    }
  }

  private void startAll(List<CellComponent.Factory> factories) {
    long t0 = System.nanoTime();
    Instant epoch = config.time().start() != null ? config.time().start()
        : Instant.now().truncatedTo(ChronoUnit.MILLIS);
    SimClock clock = new SimClock(epoch, config.time().step(), config.time().scale());
    model = new CellModel(config, clock, Clock.systemUTC(), new Devices(this));

    // The PLC and the broker each take seconds to start (mostly class loading); start them side by side.
    CompletableFuture<Void> plcStarted = CompletableFuture.completedFuture(null);
    if (config.plc().enabled()) {
      plcLifecycle = Executors.newSingleThreadExecutor(r -> daemon(r, "cellpilot-sim-plc-lifecycle"));
      plc = new PlcServer(config.plc(), PlcControl.of(model), model::snapshot);
      started.add(plc);
      plcStarted = CompletableFuture.runAsync(plc::start, plcLifecycle);
    }
    String uri = config.mqtt().brokerUri();
    if (config.mqtt().embedded()) {
      broker = EmbeddedMqttBroker.builder().bindAddress(config.mqtt().embeddedBindAddress())
          .port(config.mqtt().embeddedPort()).build();
      started.add(broker);
      uri = broker.start().uri();
    }
    mqtt = config.mqtt().enabled() ? new MqttPublisher(config.mqtt(), uri) : MqttPublisher.disabled();
    started.add(mqtt);
    mqtt.connect();
    devices = new DevicePublisher(mqtt, config.mqtt().topicPrefix(), config.mqtt().qos());
    try {
      plcStarted.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }

    if (config.camera().enabled()) {
      cameraFolder = cameraFolder();
      camera = new Camera(new PartImageGenerator(config.camera().width(), config.camera().height()),
          model.partFactory()::imageSeed, mqtt, config.mqtt().topicPrefix() + "/camera/inspection",
          config.mqtt().qos(), cameraFolder, config.camera().keepLast());
      started.add(camera);
    }
    CellComponent.Context context = new CellComponent.Context(config, clock, model.partHandling(), model::robotLoad);
    boolean cobot = false;
    for (CellComponent.Factory factory : factories) {
      Optional<CellComponent> component = factory.create(context);
      if (component.isPresent()) {
        started.add(component.get());
        component.get().start();
        componentEndpoints.putAll(component.get().endpoints());
        cobot |= "cobot".equals(component.get().name());
      }
    }
    if (config.cobot().enabled() && !cobot) {
      log.warn("[cell] cobot.enabled is true, but no component named cobot was started: the cell runs without one");
    }
    loop = new SimLoop("cell", clock, model::step);
    loop.start();
    log.info("[cell] simulated cell started in {} ms (seed {}, time x{})", (System.nanoTime() - t0) / 1_000_000,
        config.seed(), config.time().scale());
  }

  private Path cameraFolder() {
    try {
      if (config.camera().folder() != null) {
        return Files.createDirectories(config.camera().folder());
      }
      temporaryCameraFolder = true;
      return Files.createTempDirectory("cellpilot-camera-");
    } catch (IOException e) {
      throw new SimException(SimException.Code.START_FAILED,
          "camera.folder " + config.camera().folder() + " cannot be created: " + e.getMessage(), e);
    }
  }

  /** Where the cell can be reached. */
  public CellEndpoints endpoints() {
    return new CellEndpoints(plc == null ? null : plc.endpointUrl(), PlcServer.namespaceUri(), mqtt.uri(),
        broker != null, config.mqtt().topicPrefix(), cameraFolder, componentEndpoints);
  }

  /** Every fault started so far with its simulated and wall-clock start, for scoring detection. */
  public List<FaultRecord> faults() {
    return model.faults().records();
  }

  /** Starts {@code fault} now; fails (INVALID_SCENARIO) when it names a sensor this cell does not have. */
  public FaultRecord inject(Fault fault) {
    scenarios.check(fault);
    return model.inject(fault);
  }

  /** Starts {@code fault} at its simulated time after start. */
  public void schedule(ScheduledFault fault) {
    scenarios.check(fault.fault());
    model.schedule(fault);
  }

  /** What part {@code partId} really was and what became of it. */
  public Optional<PartTruth> groundTruth(String partId) {
    return model.ledger().get(partId);
  }

  /** The ground truth of every part remembered (the most recent 100 000), oldest first. */
  public List<PartTruth> parts() {
    return model.ledger().all();
  }

  /**
   * Energy ground truth: every meter's true energy (kWh, {@code main} and each machine) when the part counter reached
   * each value, for the most recent 100 000 parts.
   */
  public List<io.cellpilot.sim.model.CellModel.EnergyMark> energyMarks() {
    return model.energyMarks();
  }

  /** The image the camera takes (took) of part {@code partId}, with its defect mask, drawn again from the seed. */
  public Optional<PartImage> image(String partId) {
    return groundTruth(partId).map(t -> new PartImageGenerator(config.camera().width(), config.camera().height())
        .render(model.partFactory().imageSeed(t.part().index()), t.defect()));
  }

  /** The conveyor's side of the gripper contract. */
  public PartHandling partHandling() {
    return model.partHandling();
  }

  /** The robot's power meter follows {@code load} from now on. */
  public void robotLoad(ElectricalLoad load) {
    model.robotLoad(load);
  }

  /** The simulated arm, when {@code cobot.enabled}: for tests and fault injection (protective stop, stalls). */
  public Optional<io.cellpilot.sim.cobot.SimulatedCobot> cobot() {
    return started.stream()
        .filter(c -> c instanceof io.cellpilot.sim.cobot.CobotComponent)
        .map(c -> ((io.cellpilot.sim.cobot.CobotComponent) c).cobot())
        .findFirst();
  }

  /** The simulated PLC, e.g. to stop and start it by hand; null when the PLC is disabled. */
  public PlcServer plc() {
    return plc;
  }

  public SimClock clock() {
    return model.clock();
  }

  public SimConfig config() {
    return config;
  }

  /** Counters for a one-line summary. */
  public CellStats stats() {
    CellModel.Counters c = model.counters();
    return new CellStats(model.clock().elapsed(), c.line(), c.parts(), c.defective(),
        camera == null ? 0 : camera.images(), camera == null ? 0 : camera.failures(), devices.sensorMessages(),
        devices.malformedMessages(), c.sensorMessagesDropped(), mqtt.dropped(), faults().size());
  }

  /** The PLC-restart fault: down now, up again when the fault ends (both off the simulation thread). */
  void plcDown() {
    if (plc != null && !closed) {
      plcLifecycle.execute(plc::stop);
    }
  }

  void plcUp() {
    if (plc != null && !closed) {
      plcLifecycle.execute(() -> {
        try {
          plc.start();
        } catch (SimException e) {
          log.error("[plc] could not come back after the restart fault", e);
        }
      });
    }
  }

  DevicePublisher devices() {
    return devices;
  }

  Camera camera() {
    return camera;
  }

  /** Stops the simulation, then every part in reverse start order. Safe to call twice. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (loop != null) {
      loop.close();
    }
    if (plcLifecycle != null) {
      plcLifecycle.shutdown();
      try {
        plcLifecycle.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        log.warn("[cell] {} did not stop cleanly", started.get(i).getClass().getSimpleName(), e);
      }
    }
    if (temporaryCameraFolder) {
      deleteTree(cameraFolder);
    }
    log.info("[cell] simulated cell stopped");
  }

  private static void deleteTree(Path folder) {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("[cell] could not delete {}", folder, e);
    }
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
