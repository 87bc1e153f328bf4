package io.cellpilot.opcua.client;

import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.SecurityPolicyName;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;

/**
 * Says why a connect attempt failed in words an integrator can act on. The PLC's refusals carry only a status code
 * (OPC 10000-4 §7.39 lets a server tell an untrusted client no more than Bad_SecurityChecksFailed), so the sentence
 * adds the usual cause and what to change.
 */
final class ConnectFailure {
  private ConnectFailure() {}

  /**
   * @param ownCertificate the gateway's certificate file, to be trusted by the PLC
   * @param gatewayRejectedThePlc true when this gateway's own validator refused the PLC (its sentence says more)
   */
  static String describe(PlcConfig config, Throwable error, Path ownCertificate, boolean gatewayRejectedThePlc) {
    String why = ("connect to " + config.endpoint() + " failed: " + TagOperations.rootMessage(error))
        .replaceFirst("\\.+$", "");
    long status = statusOf(error).orElse(StatusCodes.Good);
    if (status == StatusCodes.Bad_SecurityChecksFailed && !gatewayRejectedThePlc
        && config.securityPolicy() != SecurityPolicyName.None) {
      return why + ". The PLC refused this gateway, most often because it does not trust its certificate yet: add "
          + ownCertificate + " to the PLC's trusted client certificates; the gateway keeps retrying by itself";
    }
    if (status == StatusCodes.Bad_UserAccessDenied || status == StatusCodes.Bad_IdentityTokenRejected
        || status == StatusCodes.Bad_IdentityTokenInvalid) {
      return why + ". The PLC refused the user: check " + config.key() + ".identity";
    }
    return why;
  }

  private static Optional<Long> statusOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UaException ua) {
        return Optional.of(ua.getStatusCode().value());
      }
    }
    return Optional.empty();
  }
}
