package io.cellpilot.controller.ingest;

/** A camera as the controller sees it: images with a part id, from MQTT or a watched folder. */
public interface CameraSource extends AutoCloseable {

  String id();

  /** Starts delivering images to {@code sink}; returns at once. */
  void start(ImageSink sink);

  ConnectionStatus connection();

  /** Images refused (no part id, too large, unreadable), per reason. */
  IngestStats stats();

  @Override
  void close();
}
