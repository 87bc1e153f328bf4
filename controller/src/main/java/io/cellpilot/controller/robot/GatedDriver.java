package io.cellpilot.controller.robot;

import io.cellpilot.robot.CommandHandle;
import io.cellpilot.robot.CommandOutcome;
import io.cellpilot.robot.DriverState;
import io.cellpilot.robot.RobotCommand;
import io.cellpilot.robot.RobotDriver;
import io.cellpilot.robot.RobotStatus;
import io.cellpilot.robot.guard.CellContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A driver that an operator's stop closes at once: from {@link #hold} until {@link #open} every motion command is
 * refused before it reaches the driver (so a pick routine between two steps cannot start the next one), while
 * {@code stop()} always passes. The driver's own guard still checks everything that does pass.
 */
final class GatedDriver implements RobotDriver {
  private final RobotDriver driver;
  private final AtomicLong refusedIds = new AtomicLong(-1);
  private volatile String heldBecause = "";

  GatedDriver(RobotDriver driver) {
    this.driver = driver;
  }

  /** Refuses motion from now on, for {@code why}. */
  void hold(String why) {
    heldBecause = why;
  }

  void open() {
    heldBecause = "";
  }

  /** Why motion is refused; empty when it is not. */
  String heldBecause() {
    return heldBecause;
  }

  @Override
  public CommandHandle submit(RobotCommand command) {
    String why = heldBecause;
    if (!why.isEmpty() && !(command instanceof RobotCommand.Stop)) {
      long id = refusedIds.getAndDecrement();
      long now = System.nanoTime();
      String detail = "robot stopped (" + why + "); an operator must activate it";
      return new CommandHandle(id, CompletableFuture.failedFuture(new IllegalStateException(detail)),
          CompletableFuture.completedFuture(new CommandOutcome(id, CommandOutcome.Status.REJECTED, detail, now, 0, 0,
              now)));
    }
    return driver.submit(command);
  }

  @Override
  public String id() {
    return driver.id();
  }

  @Override
  public DriverState state() {
    return driver.state();
  }

  @Override
  public Optional<RobotStatus> status() {
    return driver.status();
  }

  @Override
  public void configure() {
    driver.configure();
  }

  @Override
  public void activate() {
    driver.activate();
  }

  @Override
  public void deactivate() {
    driver.deactivate();
  }

  @Override
  public void stop() {
    driver.stop();
  }

  @Override
  public void updateCellContext(CellContext context) {
    driver.updateCellContext(context);
  }

  @Override
  public double energyJoules() {
    return driver.energyJoules();
  }

  @Override
  public void onStateChange(Consumer<DriverState> listener) {
    driver.onStateChange(listener);
  }

  @Override
  public void close() {
    driver.close();
  }
}
