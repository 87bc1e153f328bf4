package io.cellpilot.opcua.config;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;

/**
 * The security policies CellPilot offers (OPC 10000-7 profiles). The deprecated Basic128Rsa15 and Basic256 are not
 * offered: their SHA-1 signatures are no longer considered secure.
 */
public enum SecurityPolicyName {
  None(SecurityPolicy.None),
  Basic256Sha256(SecurityPolicy.Basic256Sha256),
  Aes128_Sha256_RsaOaep(SecurityPolicy.Aes128_Sha256_RsaOaep),
  Aes256_Sha256_RsaPss(SecurityPolicy.Aes256_Sha256_RsaPss);

  private final SecurityPolicy policy;

  SecurityPolicyName(SecurityPolicy policy) {
    this.policy = policy;
  }

  /** The Milo policy (for this module's internals). */
  public SecurityPolicy policy() {
    return policy;
  }

  /** The policy URI as servers announce it. */
  public String uri() {
    return policy.getUri();
  }
}
