package io.cellpilot.opcua.cli;

import io.cellpilot.opcua.browse.AddressSpaceBrowser;
import io.cellpilot.opcua.browse.TagYaml;
import io.cellpilot.opcua.client.MiloClients;
import io.cellpilot.opcua.config.IdentityConfig;
import io.cellpilot.opcua.config.PlcConfig;
import io.cellpilot.opcua.config.SecurityMode;
import io.cellpilot.opcua.config.SecurityPolicyName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cellpilot browse}: lists a server's variables and methods as YAML for tag configuration. */
@Command(name = "browse", mixinStandardHelpOptions = true,
    description = "Browse an OPC UA server below Objects and write its variables as tag configuration (YAML).")
public final class BrowseCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--endpoint", required = true, description = "e.g. opc.tcp://plc:4840")
  String endpoint;

  @Option(names = "--out", description = "write the YAML to this file instead of standard output")
  Path out;

  @Option(names = "--security-policy", defaultValue = "Basic256Sha256",
      description = "None, Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss (default ${DEFAULT-VALUE})")
  SecurityPolicyName policy;

  @Option(names = "--security-mode", defaultValue = "SignAndEncrypt",
      description = "None, Sign, SignAndEncrypt (default ${DEFAULT-VALUE})")
  SecurityMode mode;

  @Option(names = "--user", description = "user name (anonymous when absent)")
  String user;

  @Option(names = "--password", description = "password of --user", interactive = true, arity = "0..1")
  String password;

  @Option(names = "--pki-dir", defaultValue = "pki", description = "PKI folder (default ${DEFAULT-VALUE})")
  Path pkiDir;

  @Option(names = "--depth", defaultValue = "8", description = "levels below Objects (default ${DEFAULT-VALUE})")
  int depth;

  @Option(names = "--max-nodes", defaultValue = "20000", description = "stop after this many nodes")
  int maxNodes;

  @Override
  public Integer call() throws Exception {
    PlcConfig.Builder config = PlcConfig.builder("browse").endpoint(endpoint).securityPolicy(policy)
        .securityMode(mode).pkiDir(pkiDir);
    if (user != null) {
      config.identity(new IdentityConfig.UserPassword(user, password == null ? "" : password));
    }
    OpcUaClient client;
    try {
      client = MiloClients.connect(config.build());
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("cellpilot browse: " + e.getMessage());
      return 2;
    }
    try {
      List<AddressSpaceBrowser.Entry> entries = new AddressSpaceBrowser(client, depth, maxNodes).browse();
      String yaml = TagYaml.write(endpoint, entries);
      if (out == null) {
        spec.commandLine().getOut().print(yaml);
      } else {
        Files.writeString(out, yaml);
        long variables = entries.stream().filter(e -> e.nodeClass().toString().equals("Variable")).count();
        spec.commandLine().getOut().println("wrote " + variables + " tags to " + out);
      }
      return 0;
    } finally {
      client.disconnectAsync();
    }
  }
}
