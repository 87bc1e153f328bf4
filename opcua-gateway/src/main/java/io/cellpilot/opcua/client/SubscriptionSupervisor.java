package io.cellpilot.opcua.client;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.cellpilot.opcua.config.Deadband;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.TagConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the PLC's subscription and keeps it alive across sessions. Milo transfers subscriptions to a new session by
 * itself (TransferSubscriptions with initial values, OPC 10000-4 §5.13.7); when the server cannot (it restarted, or
 * the subscription timed out) Milo only resets it, and this class creates it anew from the configuration. All methods
 * run on the connection's supervisor thread.
 */
final class SubscriptionSupervisor implements OpcUaSubscription.SubscriptionListener {
  private static final Logger log = LoggerFactory.getLogger(SubscriptionSupervisor.class);

  private final PlcConfig config;
  private final List<TagState> allTags;
  private final List<TagState> tags;
  private final ClientCounters counters;
  private final Runnable requestRebuild;
  private final Runnable onStale;
  private volatile OpcUaSubscription subscription;

  SubscriptionSupervisor(PlcConfig config, List<TagState> tags, ClientCounters counters, Runnable requestRebuild,
      Runnable onStale) {
    this.config = config;
    this.allTags = List.copyOf(tags);
    this.tags = tags.stream().filter(t -> t.config.subscribe()).toList();
    this.counters = counters;
    this.requestRebuild = requestRebuild;
    this.onStale = onStale;
  }

  /**
   * True when there is no live subscription on the server (never created, transfer failed, timed out). Without
   * subscribed tags nothing tells us the server restarted, so tags are then resolved again on every new session.
   */
  boolean needsRebuild() {
    OpcUaSubscription s = subscription;
    return tags.isEmpty() || s == null || s.getSyncState() == OpcUaSubscription.SyncState.INITIAL;
  }

  /** Resolves every tag, then creates the subscription with one item per resolved subscribed tag. */
  void rebuild(OpcUaClient client) throws Exception {
    discard();
    NodeResolver.resolve(client, allTags).get(config.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    if (tags.isEmpty()) {
      return;
    }
    counters.subscriptionRebuilds.increment();
    OpcUaSubscription s = new OpcUaSubscription(client, (double) config.publishingInterval().toMillis());
    // Keep-alive every keep-alive-interval; lifetime as long as the session's, so that the subscription outlives a
    // network outage the session survives (Milo's own choice, 5 keep-alives, dies within seconds).
    long publishing = Math.max(1, config.publishingInterval().toMillis());
    long keepAliveCount = Math.max(1, (config.keepAliveInterval().toMillis() + publishing - 1) / publishing);
    long lifetimeCount = Math.max(3 * keepAliveCount, config.sessionTimeout().toMillis() / publishing);
    s.setLifetimeAndKeepAliveCalculated(false);
    s.setMaxKeepAliveCount(uint(keepAliveCount));
    s.setLifetimeCount(uint(lifetimeCount));
    s.setSubscriptionListener(this);
    s.create();
    subscription = s;
    List<OpcUaMonitoredItem> items = new ArrayList<>();
    for (TagState tag : tags) {
      if (tag.nodeId() != null) {
        items.add(monitoredItem(tag));
      }
    }
    s.addMonitoredItems(items);
    try {
      s.synchronizeMonitoredItems();
    } catch (MonitoredItemSynchronizationException e) {
      log.debug("[{}] some monitored items were refused; each is logged below", config.id());
    }
    int refused = 0;
    for (OpcUaMonitoredItem item : items) {
      StatusCode result = item.getCreateResult().orElse(StatusCode.BAD);
      if (!result.isGood()) {
        refused++;
        TagState tag = (TagState) item.getUserObject().orElseThrow();
        Quality q = Quality.fromStatus(result.value());
        // Name the configured address and key: that is what the integrator edits, not the session's node id.
        String what = tag.config.address() + " (" + config.key() + ".tags." + tag.config.name() + ")";
        log.warn("[{}] the PLC refused to monitor {}: {}", config.id(), what, q.status().name());
        tag.fail(new Quality(q.level(), q.reason(), q.status(), "the PLC refused to monitor " + what));
      }
    }
    log.info("[{}] subscription {} created: {} of {} tags monitored every {} ms", config.id(),
        s.getSubscriptionId().map(Object::toString).orElse("?"), items.size() - refused, tags.size(),
        config.publishingInterval().toMillis());
  }

  /** Forgets the current subscription (deleting it on the server when that is still possible). */
  void discard() {
    OpcUaSubscription s = subscription;
    subscription = null;
    if (s != null) {
      s.setSubscriptionListener(null);
      if (s.getSyncState() != OpcUaSubscription.SyncState.INITIAL) {
        s.deleteAsync().exceptionally(e -> {
          s.reset();
          return null;
        });
      }
    }
  }

  private OpcUaMonitoredItem monitoredItem(TagState tag) {
    TagConfig c = tag.config;
    OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(tag.nodeId());
    item.setSamplingInterval(c.samplingInterval().toMillis());
    item.setQueueSize(uint(c.queueSize()));
    item.setDiscardOldest(true);
    if (c.deadband().type() != Deadband.Type.NONE) {
      DeadbandType type = c.deadband().type() == Deadband.Type.ABSOLUTE ? DeadbandType.Absolute : DeadbandType.Percent;
      item.setFilter(new DataChangeFilter(DataChangeTrigger.StatusValue, uint(type.getValue()),
          c.deadband().value()));
    }
    item.setUserObject(tag);
    return item;
  }

  @Override
  public void onDataReceived(OpcUaSubscription s, List<OpcUaMonitoredItem> items, List<DataValue> values) {
    for (int i = 0; i < items.size(); i++) {
      Object tag = items.get(i).getUserObject().orElse(null);
      if (tag instanceof TagState state) {
        state.accept(values.get(i));
      }
    }
  }

  @Override
  public void onTransferFailed(OpcUaSubscription s, StatusCode status) {
    counters.transferFailures.increment();
    log.warn("[{}] the server could not transfer the subscription to the new session ({}); creating it anew",
        config.id(), status);
    requestRebuild.run();
  }

  @Override
  public void onStatusChanged(OpcUaSubscription s, StatusCode status) {
    if (status.value() == StatusCodes.Bad_Timeout) {
      log.warn("[{}] the server timed the subscription out; creating it anew", config.id());
      requestRebuild.run();
    }
  }

  @Override
  public void onWatchdogTimerElapsed(OpcUaSubscription s) {
    // The server owes us a publish response or keep-alive and sent none: silence no longer means "unchanged".
    log.warn("[{}] no notification or keep-alive from the subscription in time; values are stale, recreating it",
        config.id());
    onStale.run();
    requestRebuild.run();
  }

  @Override
  public void onNotificationDataLost(OpcUaSubscription s) {
    counters.notificationDataLost.increment();
    log.warn("[{}] the server could not republish missed notifications; some value changes were lost",
        config.id());
  }
}
