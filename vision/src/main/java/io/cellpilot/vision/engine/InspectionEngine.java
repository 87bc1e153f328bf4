package io.cellpilot.vision.engine;

import io.cellpilot.vision.VisionException;
import io.cellpilot.vision.VisionException.Reason;
import io.cellpilot.vision.anomaly.PatchCoreCodec;
import io.cellpilot.vision.classify.ClassifierCodec;
import io.cellpilot.vision.image.GreyImage;
import io.cellpilot.vision.image.ImageDecoder;
import io.cellpilot.vision.image.PartRegistration;
import io.cellpilot.vision.image.PartRegistration.Placement;
import io.cellpilot.vision.image.Preprocessing.Input;
import io.cellpilot.vision.pkg.Manifest;
import io.cellpilot.vision.pkg.ModelPackage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread-safe inspection engine: decodes on the caller's thread (a corrupt image fails fast there), queues the
 * prepared input, and each worker takes everything waiting (up to {@code maxBatch}) into one network call with its
 * own copy of the model. Speaks bytes, images and records; never DL4J types.
 */
public final class InspectionEngine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InspectionEngine.class);

  private final Manifest manifest;
  private final Inspector prototype;
  private final EngineConfig config;
  private final BlockingQueue<Job> queue;
  private final List<Thread> workers = new ArrayList<>();
  private final LatencyHistogram latency = new LatencyHistogram();
  private final AtomicLong inspected = new AtomicLong();
  private final AtomicLong defective = new AtomicLong();
  private final AtomicLong rejectedImages = new AtomicLong();
  private final AtomicLong rejectedOverload = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final AtomicLong inferenceNanos = new AtomicLong();
  private final long startNanos = System.nanoTime();
  private volatile boolean closed;

  /** {@code placement}: where the part lay, when the package registers parts (null otherwise). */
  private record Job(Input input, Placement placement, int width, int height, long submittedNanos,
      CompletableFuture<Verdict> result) {}

  private InspectionEngine(Manifest manifest, Inspector prototype, EngineConfig config) {
    this.manifest = manifest;
    this.prototype = prototype;
    this.config = config;
    this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    for (int i = 0; i < config.workers(); i++) {
      Inspector own = i == 0 ? prototype : prototype.copy();
      Thread t = new Thread(() -> work(own), "vision-" + manifest.name() + "-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
  }

  /** Loads and verifies a package (see {@link ModelPackage#read}); {@code trustedKey} may be null. */
  public static InspectionEngine load(Path packageFile, PublicKey trustedKey, EngineConfig config) {
    return open(ModelPackage.read(packageFile, trustedKey), config);
  }

  /** Starts an engine on an already verified package. */
  public static InspectionEngine open(ModelPackage pkg, EngineConfig config) {
    Manifest m = pkg.manifest();
    Inspector inspector = switch (m.kind()) {
      case PatchCoreCodec.KIND -> new AnomalyInspector(PatchCoreCodec.fromPackage(pkg));
      case ClassifierCodec.KIND -> new ClassifierInspector(ClassifierCodec.fromPackage(pkg));
      default -> throw new VisionException(Reason.PACKAGE_INVALID,
          "package kind " + m.kind() + " is not an inspection model (anomaly or classifier)");
    };
    if (!(m.threshold() > 0) || Double.isInfinite(m.threshold())) {
      throw new VisionException(Reason.PACKAGE_INVALID, "package threshold must be a positive number, was "
          + m.threshold());
    }
    log.info("[{}] inspection model {} loaded (kind {}, threshold {}, {} worker(s), batches up to {}{})", m.name(),
        m.version(), m.kind(), m.threshold(), config.workers(), config.maxBatch(),
        m.registersPart() ? ", parts registered" : "");
    return new InspectionEngine(m, inspector, config);
  }

  public Manifest manifest() {
    return manifest;
  }

  /** Inspects image file bytes (PNG/JPEG, any size), waiting for the verdict. */
  public Verdict inspect(byte[] imageBytes) {
    return await(inspectAsync(imageBytes));
  }

  /** Inspects an image already in memory, waiting for the verdict. */
  public Verdict inspect(BufferedImage image) {
    return await(submit(() -> ImageDecoder.fromBuffered(image)));
  }

  /** Inspects a grey image, waiting for the verdict. */
  public Verdict inspect(GreyImage image) {
    return await(submit(() -> image));
  }

  /**
   * Inspects image bytes; the future fails with {@link VisionException} (CORRUPT_IMAGE, UNSUPPORTED_IMAGE,
   * WRONG_DIMENSIONS, NO_PART when the package registers parts and none or no clear mark is found, OVERLOADED,
   * CLOSED) and each refusal is counted.
   */
  public CompletableFuture<Verdict> inspectAsync(byte[] imageBytes) {
    return submit(() -> ImageDecoder.decode(imageBytes));
  }

  /** Inspects a grey image without waiting. */
  public CompletableFuture<Verdict> inspectAsync(GreyImage image) {
    return submit(() -> image);
  }

  private CompletableFuture<Verdict> submit(java.util.function.Supplier<GreyImage> decoder) {
    long submitted = System.nanoTime();
    if (closed) {
      return CompletableFuture.failedFuture(new VisionException(Reason.CLOSED, "inspection engine is closed"));
    }
    Input input;
    Placement placement = null;
    GreyImage image;
    try {
      image = decoder.get();
      if (manifest.registersPart()) {
        prototype.preprocessing().inputSize(image); // a too small image is refused as such, before registration
        placement = PartRegistration.locate(image);
        image = placement.apply(image);
      }
      input = prototype.preprocessing().prepare(image);
    } catch (VisionException e) {
      rejectedImages.incrementAndGet();
      log.warn("[{}] image refused: {}", manifest.name(), e.getMessage());
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<Verdict> result = new CompletableFuture<>();
    if (!queue.offer(new Job(input, placement, image.width(), image.height(), submitted, result))) {
      rejectedOverload.incrementAndGet();
      return CompletableFuture.failedFuture(new VisionException(Reason.OVERLOADED,
          "inspection queue full (" + config.queueCapacity() + " images waiting)"));
    }
    return result;
  }

  private void work(Inspector inspector) {
    List<Job> batch = new ArrayList<>(config.maxBatch());
    while (!closed || !queue.isEmpty()) {
      try {
        Job first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, config.maxBatch() - 1);
        runBatch(inspector, batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
      }
    }
  }

  private void runBatch(Inspector inspector, List<Job> batch) {
    List<Input> inputs = new ArrayList<>(batch.size());
    for (Job j : batch) {
      inputs.add(j.input());
    }
    long t0 = System.nanoTime();
    List<Inspector.Raw> raws;
    try {
      raws = inspector.run(inputs, manifest.threshold(), config.heatMaps());
    } catch (RuntimeException e) {
      failures.addAndGet(batch.size());
      batches.incrementAndGet();
      log.error("[{}] inference failed for a batch of {}", manifest.name(), batch.size(), e);
      VisionException failure = new VisionException(Reason.INVALID_VALUE, "inference failed: " + e.getMessage(), e);
      batch.forEach(j -> j.result().completeExceptionally(failure));
      return;
    }
    long now = System.nanoTime();
    inferenceNanos.addAndGet(now - t0);
    batches.incrementAndGet();
    for (int i = 0; i < batch.size(); i++) {
      Job job = batch.get(i);
      Inspector.Raw raw = raws.get(i);
      boolean isDefect = raw.score() >= manifest.threshold();
      long nanos = now - job.submittedNanos();
      latency.record(nanos);
      inspected.incrementAndGet();
      if (isDefect) {
        defective.incrementAndGet();
      }
      job.result().complete(new Verdict(isDefect ? raw.defectLabel() : "good", isDefect, raw.score(),
          manifest.threshold(), inImageFrame(raw.heat(), job), manifest.version(), nanos, batch.size()));
    }
  }

  /** A heat map of a registered image, turned back so that it lies over the part in the submitted image. */
  private static HeatMap inImageFrame(HeatMap heat, Job job) {
    if (heat == null || job.placement() == null) {
      return heat;
    }
    GreyImage back = job.placement().toOriginal(new GreyImage(heat.width(), heat.height(), heat.values()),
        job.width(), job.height());
    return new HeatMap(back.width(), back.height(), back.pixels());
  }

  public EngineMetrics metrics() {
    return new EngineMetrics(inspected.get(), defective.get(), rejectedImages.get(), rejectedOverload.get(),
        failures.get(), batches.get(), latency.snapshot(), inferenceNanos.get() / 1e9,
        (System.nanoTime() - startNanos) / 1e9);
  }

  private static Verdict await(CompletableFuture<Verdict> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VisionException(Reason.CLOSED, "interrupted while waiting for a verdict", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof VisionException v) {
        throw v;
      }
      throw new VisionException(Reason.INVALID_VALUE, "inspection failed: " + e.getCause(), e.getCause());
    }
  }

  /** Finishes the queued images, then stops the workers. */
  @Override
  public void close() {
    closed = true;
    for (Thread t : workers) {
      try {
        t.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
