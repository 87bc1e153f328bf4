package io.cellpilot.energy.meter;

/** What feeding one sample to an integrator did: it added an increment, set the baseline, or was rejected. */
public sealed interface Step permits Step.Added, Step.Baseline, Step.Rejected {

  /** The sample was accepted and adds {@code increment}. */
  record Added(Increment increment) implements Step {}

  /** The first sample (or the first after a reset): it only sets the starting point. */
  record Baseline() implements Step {}

  /** The sample was refused and left no trace; {@code detail} says why, with the value. */
  record Rejected(Reason reason, String detail) implements Step {}

  /** Why a sample was refused. */
  enum Reason {
    NOT_FINITE, NEGATIVE, ABSURD, OUT_OF_ORDER
  }

  /** The shared baseline step (it carries nothing). */
  Baseline BASELINE = new Baseline();
}
