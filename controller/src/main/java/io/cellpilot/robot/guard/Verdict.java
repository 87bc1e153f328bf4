package io.cellpilot.robot.guard;

/** The guard's answer: accept (possibly at a reduced speed) or reject with a reason. */
public sealed interface Verdict permits Verdict.Accept, Verdict.Reject {

  boolean accepted();

  /** Send it; {@code speedFraction} (0..1] goes to the robot's speed slider, {@code note} says why it is below 1. */
  record Accept(double speedFraction, String note) implements Verdict {
    @Override
    public boolean accepted() {
      return true;
    }
  }

  /** Do not send it. */
  record Reject(RejectReason reason, String detail) implements Verdict {
    @Override
    public boolean accepted() {
      return false;
    }

    @Override
    public String toString() {
      return reason + ": " + detail;
    }
  }

  static Accept fullSpeed() {
    return new Accept(1.0, "");
  }

  static Reject reject(RejectReason reason, String format, Object... args) {
    return new Reject(reason, String.format(java.util.Locale.ROOT, format, args));
  }
}
