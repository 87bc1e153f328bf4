package io.cellpilot.cli;

import io.cellpilot.controller.ControllerPaths;
import io.cellpilot.controller.config.ConfigException;
import io.cellpilot.controller.config.ConfigFile;
import io.cellpilot.controller.config.ConfigValidator;
import io.cellpilot.controller.security.FileUserStore;
import io.cellpilot.security.Role;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cellpilot users}: the people and dashboards allowed to send commands. Secrets are generated (or read from
 * standard input), shown once, and stored hashed. A running controller reads the file again on its next start.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
    description = "Manage the users file: add, token, list, remove.",
    subcommands = {UsersCommand.Add.class, UsersCommand.Token.class, UsersCommand.ListUsers.class,
        UsersCommand.Remove.class})
public final class UsersCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  /** Where the users file is: from the configuration file, or given directly. */
  static final class Location {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "the controller's configuration file")
    Path config;

    @Option(names = "--users-file", paramLabel = "FILE", description = "the users file (default data/users)")
    Path usersFile;

    FileUserStore store() {
      if (usersFile != null) {
        return new FileUserStore(usersFile);
      }
      if (config != null) {
        return new FileUserStore(ControllerPaths.of(ConfigValidator.validate(ConfigFile.read(config))).usersFile());
      }
      return new FileUserStore(Path.of("data", "users"));
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add or replace a user with a password (generated unless --password-stdin).")
  static final class Add implements Callable<Integer> {
    @Mixin
    Location location;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--role", required = true, description = "viewer, operator or engineer")
    Role role;

    @Option(names = "--password-stdin", description = "read the password (12+ characters) from standard input")
    boolean stdin;

    @Override
    public Integer call() throws Exception {
      String password = null;
      if (stdin) {
        password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      }
      try {
        FileUserStore store = location.store();
        String secret = store.putPassword(name, role, password);
        System.out.println("user " + name + " (" + role + ") saved in " + store.file());
        if (!stdin) {
          System.out.println("password (shown once): " + secret);
        }
        return 0;
      } catch (IllegalArgumentException | ConfigException e) {
        System.err.println("cellpilot users add: " + e.getMessage());
        return 2;
      }
    }
  }

  @Command(name = "token", mixinStandardHelpOptions = true,
      description = "Add or replace an API token user; use it as 'Authorization: Bearer NAME.TOKEN'.")
  static final class Token implements Callable<Integer> {
    @Mixin
    Location location;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--role", required = true, description = "viewer, operator or engineer")
    Role role;

    @Override
    public Integer call() {
      FileUserStore store = location.store();
      String token = store.putToken(name, role);
      System.out.println("token user " + name + " (" + role + ") saved in " + store.file());
      System.out.println("bearer token (shown once): " + name + "." + token);
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin
    Location location;

    @Override
    public Integer call() {
      location.store().roles().forEach((n, r) -> System.out.println(n + "\t" + r.name().toLowerCase()));
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
  static final class Remove implements Callable<Integer> {
    @Mixin
    Location location;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      boolean removed = location.store().remove(name);
      System.out.println(removed ? "removed " + name : "no user " + name);
      return removed ? 0 : 1;
    }
  }
}
