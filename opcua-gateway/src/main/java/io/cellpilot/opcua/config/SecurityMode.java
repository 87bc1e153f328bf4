package io.cellpilot.opcua.config;

import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/** Message security mode of a secure channel (OPC 10000-4 §7.20). */
public enum SecurityMode {
  None(MessageSecurityMode.None),
  Sign(MessageSecurityMode.Sign),
  SignAndEncrypt(MessageSecurityMode.SignAndEncrypt);

  private final MessageSecurityMode mode;

  SecurityMode(MessageSecurityMode mode) {
    this.mode = mode;
  }

  /** The Milo mode (for this module's internals). */
  public MessageSecurityMode mode() {
    return mode;
  }
}
