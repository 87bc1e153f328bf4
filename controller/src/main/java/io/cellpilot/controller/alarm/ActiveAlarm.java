package io.cellpilot.controller.alarm;

import io.cellpilot.events.Severity;

/** An alarm that is active now, as the API lists it. */
public record ActiveAlarm(String alarmId, String source, Severity severity, String message, double score,
    String raisedAt) {}
