package io.cellpilot.robot;

import io.cellpilot.robot.guard.CellContext;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The driver SPI every robot maker's driver implements. Lifecycle: {@link #configure()} connects and starts reading
 * state (INACTIVE), {@link #activate()} makes the robot ready and allows motion (ACTIVE), {@link #deactivate()} stops
 * and goes back to INACTIVE. Every command passes the command guard inside {@link #submit}; a rejected command never
 * reaches the robot.
 */
public interface RobotDriver extends AutoCloseable {

  /** The robot's id in the configuration, e.g. {@code r1}. */
  String id();

  DriverState state();

  /** The robot's last reported state; empty before the first report. */
  Optional<RobotStatus> status();

  /** Connects to the robot and starts reading its state: UNCONFIGURED -> INACTIVE. */
  void configure();

  /** Powers the robot, releases its brakes and starts the watchdog: INACTIVE (or FAULT) -> ACTIVE. */
  void activate();

  /** Stops motion and the watchdog: ACTIVE or FAULT -> INACTIVE. */
  void deactivate();

  /**
   * Checks {@code command} with the guard and, when accepted, sends it. The handle's outcome says REJECTED (nothing
   * sent), COMPLETED, FAILED or TIMED_OUT.
   */
  CommandHandle submit(RobotCommand command);

  /**
   * Submits and waits for the outcome. An interrupted caller stops the arm (its command then fails) and gets that
   * outcome with the interrupt flag restored.
   */
  default CommandOutcome execute(RobotCommand command) {
    CommandHandle handle = submit(command);
    try {
      return handle.outcome().get();
    } catch (InterruptedException e) {
      stop();
      Thread.currentThread().interrupt();
      return handle.outcome().join();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a command outcome never completes exceptionally", e);
    }
  }

  /**
   * Stops the arm now, whatever the state: sends the robot's stop on every link still open. Idempotent, never throws;
   * the command in flight fails.
   */
  void stop();

  /** The latest zone-sensor reading; the guard scales speed down or rejects motion from it. */
  void updateCellContext(CellContext context);

  /** Electrical energy the arm drew since {@link #configure()}, joules, integrated from the robot's own reports. */
  double energyJoules();

  /** Called on every lifecycle change (on the driver's thread; keep it short). */
  void onStateChange(Consumer<DriverState> listener);

  @Override
  void close();
}
