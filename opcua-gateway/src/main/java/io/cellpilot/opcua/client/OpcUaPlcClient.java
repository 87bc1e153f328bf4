package io.cellpilot.opcua.client;

import io.cellpilot.opcua.OpcStatus;
import io.cellpilot.opcua.OpcUaGatewayException;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.TagConfig;
import io.cellpilot.opcua.security.ApplicationCertificate;
import io.cellpilot.opcua.security.PkiDirectory;
import io.cellpilot.opcua.security.StrictCertificateValidator;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Milo-based {@link PlcClient}. Milo keeps the session alive (keep-alive reads, reconnect, subscription transfer);
 * this class adds what integrators need on top: tags from configuration, bad values while disconnected, a
 * subscription re-created when transfer fails, and a first connect that is retried until the PLC answers.
 */
public final class OpcUaPlcClient implements PlcClient {
  private static final Logger log = LoggerFactory.getLogger(OpcUaPlcClient.class);
  private static final String CERTIFICATE_NAME = "cellpilot-gateway";
  private static final long INITIAL_RETRY_MILLIS = 500;

  private final PlcConfig config;
  private final Map<String, TagState> tags = new LinkedHashMap<>();
  private final List<TagListener> globalListeners = new CopyOnWriteArrayList<>();
  private final ClientCounters counters = new ClientCounters();
  private final ConnectionTracker tracker;
  private final ScheduledExecutorService supervisor;
  private final SubscriptionSupervisor subscriptions;
  private volatile boolean online;
  private volatile boolean closed;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile OpcUaClient client;
  private long retryDelayMillis = INITIAL_RETRY_MILLIS;
  private volatile Path ownCertificateFile;

  public OpcUaPlcClient(PlcConfig config) {
    this.config = config;
    this.tracker = new ConnectionTracker(config.id());
    for (TagConfig tag : config.tags().values()) {
      tags.put(tag.name(), new TagState(new TagRef(config.id(), tag.name()), tag, () -> online, globalListeners,
          counters));
    }
    this.supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "opcua-" + config.id());
      t.setDaemon(true);
      return t;
    });
    this.subscriptions = new SubscriptionSupervisor(config, List.copyOf(tags.values()), counters,
        () -> supervisor.execute(this::rebuildSubscription), () -> failAll(Quality.bad(Quality.Reason.STALE,
            StatusCodes.Bad_Timeout, "the subscription stopped delivering; recreating it")));
  }

  @Override
  public String id() {
    return config.id();
  }

  @Override
  public void start() {
    if (closed || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("[" + config.id() + "] start() may be called once, before close()");
    }
    PkiDirectory pki = PkiDirectory.open(config.pkiDir());
    ApplicationCertificate certificate = ApplicationCertificate.loadOrCreate(pki, CERTIFICATE_NAME,
        config.applicationUri(), List.of());
    ownCertificateFile = pki.own().resolve(CERTIFICATE_NAME + ".der");
    StrictCertificateValidator validator = new StrictCertificateValidator(config.id(), pki, false,
        tracker::rejected, tracker::accepted);
    log.info("[{}] connecting to {} ({}/{}, {} tags; loss detected within {} ms)", config.id(), config.endpoint(),
        config.securityPolicy(), config.securityMode(), tags.size(), config.lossDetectionBound().toMillis());
    supervisor.execute(() -> connect(certificate, validator));
  }

  private void connect(ApplicationCertificate certificate, StrictCertificateValidator validator) {
    if (closed) {
      return;
    }
    tracker.attemptStarted();
    try {
      OpcUaClient c = MiloClientFactory.create(config, certificate, validator);
      c.addSessionActivityListener(new SessionListener());
      client = c;
      c.connectAsync().whenComplete((ok, e) -> {
        if (e != null) {
          supervisor.execute(() -> firstConnectFailed(c, e, certificate, validator));
        }
      });
    } catch (Exception e) {
      tracker.failed("cannot reach " + config.endpoint() + ": " + TagOperations.rootMessage(e));
      log.warn("[{}] {}; retrying in {} ms", config.id(), tracker.status().detail(), retryDelayMillis);
      retryLater(certificate, validator);
    }
  }

  /**
   * Milo would retry a failed first connect by itself, but none of its later failures reaches a listener, so the
   * status would keep the first reason (say, a certificate the integrator has trusted since). Each attempt is made
   * here instead, and the status shows its own reason. Once a session was up, Milo's reconnects take over.
   */
  private void firstConnectFailed(OpcUaClient failed, Throwable e, ApplicationCertificate certificate,
      StrictCertificateValidator validator) {
    failed.disconnectAsync(); // stops Milo's own retries with this client
    if (closed) {
      return;
    }
    boolean weRejected = tracker.hasRejection();
    tracker.failed(ConnectFailure.describe(config, e, ownCertificateFile, weRejected));
    if (!weRejected) { // the validator has already logged its own, more precise sentence
      log.warn("[{}] {}; retrying in {} ms", config.id(), tracker.status().detail(), retryDelayMillis);
    }
    retryLater(certificate, validator);
  }

  private void retryLater(ApplicationCertificate certificate, StrictCertificateValidator validator) {
    supervisor.schedule(() -> connect(certificate, validator), retryDelayMillis, TimeUnit.MILLISECONDS);
    retryDelayMillis = Math.min(retryDelayMillis * 2, config.reconnectMaxDelay().toMillis());
  }

  private final class SessionListener implements SessionActivityListener {
    @Override
    public void onSessionActive(UaSession session) {
      supervisor.execute(() -> {
        online = true;
        retryDelayMillis = INITIAL_RETRY_MILLIS;
        tracker.connected();
        log.info("[{}] session active on {}", config.id(), config.endpoint());
        if (subscriptions.needsRebuild()) {
          rebuildSubscription();
        } else {
          resync();
        }
      });
    }

    @Override
    public void onSessionInactive(UaSession session) {
      // Before anything else: from now on no value from the old session may reach a listener.
      online = false;
      if (closed) {
        return;
      }
      counters.sessionsLost.increment();
      tracker.lost("connection to " + config.endpoint() + " lost; reconnecting");
      failAll(Quality.commFailure("connection to " + config.endpoint() + " lost"));
      log.warn("[{}] session lost; all {} tags are bad until it is back", config.id(), tags.size());
    }
  }

  private void rebuildSubscription() {
    OpcUaClient c = client;
    if (!online || closed || c == null) {
      return;
    }
    try {
      subscriptions.rebuild(c);
    } catch (Exception e) {
      log.warn("[{}] creating the subscription failed ({}); retrying", config.id(), TagOperations.rootMessage(e));
      supervisor.schedule(() -> {
        if (subscriptions.needsRebuild()) {
          rebuildSubscription();
        }
      }, config.keepAliveInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** After a transfer or reactivation the server resends nothing that did not change: read it. */
  private void resync() {
    OpcUaClient c = client;
    List<TagState> monitored = tags.values().stream().filter(t -> t.config.subscribe() && t.nodeId() != null)
        .toList();
    if (c == null || monitored.isEmpty()) {
      return;
    }
    TagOperations.read(c, monitored).thenAccept(values -> {
      for (int i = 0; i < values.size(); i++) {
        monitored.get(i).acceptIfStillBad(values.get(i));
      }
    });
  }

  private void failAll(Quality quality) {
    for (TagState tag : tags.values()) {
      tag.fail(quality);
    }
  }

  @Override
  public ConnectionStatus status() {
    return tracker.status();
  }

  @Override
  public AutoCloseable onStatus(Consumer<ConnectionStatus> listener) {
    return tracker.addListener(listener);
  }

  @Override
  public TagValue current(String tag) {
    TagState state = tags.get(tag);
    return state != null ? state.current() : notConfigured(tag);
  }

  @Override
  public Map<String, TagValue> snapshot() {
    Map<String, TagValue> values = new LinkedHashMap<>();
    tags.forEach((name, state) -> values.put(name, state.current()));
    return Collections.unmodifiableMap(values);
  }

  @Override
  public AutoCloseable subscribe(String tag, TagListener listener) {
    TagState state = tags.get(tag);
    if (state == null) {
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.CONFIG, config.key() + ".tags." + tag
          + " is not configured; configured tags: " + tags.keySet());
    }
    AutoCloseable handle = state.addListener(listener);
    listener.onValue(state.current());
    return handle;
  }

  @Override
  public AutoCloseable subscribeAll(TagListener listener) {
    globalListeners.add(listener);
    return () -> globalListeners.remove(listener);
  }

  @Override
  public CompletableFuture<List<TagValue>> readAsync(List<String> names) {
    return Batches.read(names, tags, online ? client : null, config, this::notConfigured);
  }

  @Override
  public List<TagValue> read(List<String> tags) {
    return Blocking.await(readAsync(tags), config.requestTimeout().toMillis() * 2, "read from " + config.id());
  }

  @Override
  public CompletableFuture<List<WriteResult>> writeAsync(List<TagWrite> writes) {
    return Batches.write(writes, tags, online ? client : null, config);
  }

  @Override
  public List<WriteResult> write(List<TagWrite> writes) {
    return Blocking.await(writeAsync(writes), config.requestTimeout().toMillis() * 3, "write to " + config.id());
  }

  @Override
  public CompletableFuture<List<CallResult>> callAsync(List<MethodCall> calls) {
    OpcUaClient c = client;
    if (!online || c == null) {
      return CompletableFuture.completedFuture(calls.stream()
          .map(call -> new CallResult(call, OpcStatus.of(StatusCodes.Bad_ServerNotConnected), List.of(), List.of(),
              "not connected to " + config.endpoint()))
          .toList());
    }
    return TagOperations.call(c, calls);
  }

  @Override
  public List<CallResult> call(List<MethodCall> calls) {
    return Blocking.await(callAsync(calls), config.requestTimeout().toMillis() * 2, "call on " + config.id());
  }

  @Override
  public ClientStats stats() {
    return counters.snapshot();
  }

  @Override
  public void close() {
    closed = true;
    online = false;
    tracker.closed();
    failAll(Quality.commFailure("client closed"));
    OpcUaClient c = client;
    supervisor.shutdownNow();
    if (c != null) {
      try {
        c.disconnectAsync().get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.debug("[{}] disconnect: {}", config.id(), e.getMessage());
      }
    }
  }

  private TagValue notConfigured(String tag) {
    return TagValue.bad(new TagRef(config.id(), tag), Quality.bad(Quality.Reason.NOT_CONFIGURED,
        StatusCodes.Bad_NodeIdUnknown, config.key() + ".tags." + tag + " is not configured"), null);
  }
}
