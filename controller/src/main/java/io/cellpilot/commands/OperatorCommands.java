package io.cellpilot.commands;

import io.cellpilot.security.Principal;

/**
 * The commands operators may send from dashboards (MQTT, Sparkplug NCMD/DCMD) as well as over HTTP. Implementations
 * check the principal's role and write the audit log; callers only authenticate.
 */
public interface OperatorCommands {

  CommandResult resetAlarm(Principal who, String source, String alarmId);

  CommandResult pauseLine(Principal who, String source);

  CommandResult resumeLine(Principal who, String source);

  /** @param label {@code good} or a defect name */
  CommandResult resolveReview(Principal who, String source, String partId, String label);
}
