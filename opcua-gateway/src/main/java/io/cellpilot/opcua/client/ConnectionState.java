package io.cellpilot.opcua.client;

/** The life of a PLC connection, for readiness checks and dashboards. */
public enum ConnectionState {
  /** Not started yet, or never connected so far. */
  CONNECTING,
  /** A session is active and subscriptions are delivering. */
  CONNECTED,
  /** The session was lost; the gateway reconnects by itself and every tag reads bad meanwhile. */
  RECONNECTING,
  /** Closed by the application. */
  CLOSED
}
