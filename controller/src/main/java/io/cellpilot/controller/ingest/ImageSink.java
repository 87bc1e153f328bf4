package io.cellpilot.controller.ingest;

/** Where cameras deliver images; the inspection pipeline is the sink of a running controller. */
@FunctionalInterface
public interface ImageSink {
  void accept(CameraImage image);
}
