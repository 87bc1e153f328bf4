package io.cellpilot.opcua.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The subscription load of the OPC UA benchmarks ({@code bench opcua}, {@code bench plc}): how many items, how often
 * they are sampled and published, and how long and how often each path is measured. A picocli mixin.
 */
public final class SubscriptionLoadOptions {

  @Option(names = "--items", defaultValue = "5000", description = "monitored items (default ${DEFAULT-VALUE})")
  public int items;

  @Option(names = "--sampling-ms", defaultValue = "100", description = "sampling interval (default ${DEFAULT-VALUE})")
  public long samplingMs;

  @Option(names = "--publishing-ms", defaultValue = "100",
      description = "publishing interval (default ${DEFAULT-VALUE})")
  public long publishingMs;

  @Option(names = "--queue-size", defaultValue = "10", description = "server queue per item (default ${DEFAULT-VALUE})")
  public int queueSize;

  @Option(names = "--warmup-s", defaultValue = "5", description = "seconds before measuring (default ${DEFAULT-VALUE})")
  public long warmup;

  @Option(names = "--seconds", defaultValue = "15", description = "seconds measured per run (default ${DEFAULT-VALUE})")
  public long seconds;

  @Option(names = "--rounds", defaultValue = "2", description = "alternating pairs of runs (default ${DEFAULT-VALUE})")
  public int rounds;

  public Duration sampling() {
    return Duration.ofMillis(samplingMs);
  }

  public Duration publishing() {
    return Duration.ofMillis(publishingMs);
  }

  public Duration warmupDuration() {
    return Duration.ofSeconds(warmup);
  }

  public Duration measured() {
    return Duration.ofSeconds(seconds);
  }
}
