package io.cellpilot.commands;

/** How a command ended; {@code message} says why when it did not succeed. */
public record CommandResult(Status status, String message) {

  public enum Status { OK, DENIED, REJECTED, FAILED }

  public static CommandResult ok() {
    return new CommandResult(Status.OK, "");
  }

  public static CommandResult denied(String why) {
    return new CommandResult(Status.DENIED, why);
  }

  public static CommandResult rejected(String why) {
    return new CommandResult(Status.REJECTED, why);
  }

  public static CommandResult failed(String why) {
    return new CommandResult(Status.FAILED, why);
  }

  public boolean isOk() {
    return status == Status.OK;
  }
}
