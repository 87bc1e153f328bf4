package io.cellpilot.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar manifest, so {@code --version} never drifts from the build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = CellPilotCommand.class.getPackage().getImplementationVersion();
    return new String[] {"cellpilot " + (version == null ? "development build" : version)};
  }
}
