package io.cellpilot.events;

/** Alarm severity, lowest first. */
public enum Severity { INFO, WARNING, CRITICAL }
