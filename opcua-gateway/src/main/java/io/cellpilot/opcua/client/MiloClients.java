package io.cellpilot.opcua.client;

import io.cellpilot.opcua.OpcUaGatewayException;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.security.ApplicationCertificate;
import io.cellpilot.opcua.security.PkiDirectory;
import io.cellpilot.opcua.security.StrictCertificateValidator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;

/**
 * A connected Milo client for tools that need the raw client (browse, benchmarks), with the same endpoint choice,
 * certificates and strict trust checks as {@link OpcUaPlcClient}. Not for the controller's data path.
 */
public final class MiloClients {
  private MiloClients() {}

  /** Connects once, or throws with the reason (including a rejected certificate and the file to move). */
  public static OpcUaClient connect(PlcConfig config) {
    PkiDirectory pki = PkiDirectory.open(config.pkiDir());
    ApplicationCertificate certificate = ApplicationCertificate.loadOrCreate(pki, "cellpilot-gateway",
        config.applicationUri(), List.of());
    AtomicReference<String> rejection = new AtomicReference<>();
    try {
      OpcUaClient client = MiloClientFactory.create(config, certificate,
          new StrictCertificateValidator(config.id(), pki, false, rejection::set));
      try {
        client.connectAsync().get(config.requestTimeout().toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        client.disconnectAsync();
        throw e;
      }
      return client;
    } catch (OpcUaGatewayException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.INTERRUPTED, "interrupted while connecting", e);
    } catch (Exception e) {
      String why = rejection.get() != null ? rejection.get() : TagOperations.rootMessage(e);
      throw new OpcUaGatewayException(OpcUaGatewayException.Code.NOT_CONNECTED,
          "cannot connect to " + config.endpoint() + ": " + why, e);
    }
  }
}
