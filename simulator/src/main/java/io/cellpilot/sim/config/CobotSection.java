package io.cellpilot.sim.config;

/**
 * The simulated Universal Robots cobot's interfaces (docs/wire-contracts.md). Parsed and validated now; the cell
 * starts the cobot once its component exists (package {@code io.cellpilot.sim.cobot}). Port 0 picks a free port.
 */
public record CobotSection(boolean enabled, String bindAddress, int dashboardPort, int secondaryPort, int rtdePort) {

  public CobotSection {
    Check.notBlank("cobot.bind-address", bindAddress);
    Check.between("cobot.dashboard-port", dashboardPort, 0, 65535);
    Check.between("cobot.secondary-port", secondaryPort, 0, 65535);
    Check.between("cobot.rtde-port", rtdePort, 0, 65535);
    Check.that(distinctOrFree(dashboardPort, secondaryPort, rtdePort),
        "cobot.dashboard-port, cobot.secondary-port and cobot.rtde-port must differ (or be 0), were "
            + dashboardPort + ", " + secondaryPort + ", " + rtdePort);
  }

  private static boolean distinctOrFree(int a, int b, int c) {
    return (a == 0 || (a != b && a != c)) && (b == 0 || b != c);
  }

  /** Settings for {@link CobotSection}; defaults: disabled, loopback, the UR ports 29999 / 30002 / 30004. */
  public static final class Builder {
    private boolean enabled = false;
    private String bindAddress = "127.0.0.1";
    private int dashboardPort = 29999;
    private int secondaryPort = 30002;
    private int rtdePort = 30004;

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder bindAddress(String bindAddress) {
      this.bindAddress = bindAddress;
      return this;
    }

    public Builder ports(int dashboard, int secondary, int rtde) {
      this.dashboardPort = dashboard;
      this.secondaryPort = secondary;
      this.rtdePort = rtde;
      return this;
    }

    public CobotSection build() {
      return new CobotSection(enabled, bindAddress, dashboardPort, secondaryPort, rtdePort);
    }
  }
}
