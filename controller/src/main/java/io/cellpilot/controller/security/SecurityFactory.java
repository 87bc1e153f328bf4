package io.cellpilot.controller.security;

import io.cellpilot.controller.ControllerPaths;
import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.cell.LineControl;
import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.review.ReviewQueue;
import io.cellpilot.events.CellEventBus;
import io.cellpilot.events.EventIds;
import io.cellpilot.security.Role;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users, the audit log and the command gate. First start (no users file): with {@code first-start: generate} an
 * engineer account {@code admin} is created with a random password, printed once to the terminal (never to the log)
 * and stored hashed; with {@code refuse} no command is accepted until {@code cellpilot users add} creates a user.
 */
@Factory
public class SecurityFactory {
  private static final Logger log = LoggerFactory.getLogger(SecurityFactory.class);

  /** Where the one-time password is printed; the terminal of {@code cellpilot run}. */
  static volatile PrintStream notice = System.out;

  /** Eager, so that a first start prints its credentials at start-up, not at the first request. */
  @Context
  FileUserStore userStore(ConfigTree config, ControllerPaths paths) {
    FileUserStore store = new FileUserStore(paths.usersFile());
    if (store.isEmpty()) {
      if (config.string("cellpilot.security.first-start").equalsIgnoreCase("generate")) {
        String password = store.putPassword("admin", Role.ENGINEER, null);
        notice.println("""

            ==== CellPilot first start ====
            Created the engineer account 'admin' with the password:  %s
            It is shown only this once and stored hashed in %s.
            Add your own users with `cellpilot users add NAME --role operator`.
            ===============================
            """.formatted(password, paths.usersFile()));
        log.warn("[security] first start: created the engineer account 'admin' in {} (password printed once)",
            paths.usersFile());
      } else {
        log.warn("[security] no users in {}: every command is refused until `cellpilot users add` creates one",
            paths.usersFile());
      }
    }
    return store;
  }

  @Context
  @Bean(preDestroy = "close")
  FileAuditLog auditLog(ControllerPaths paths) {
    return new FileAuditLog(paths.auditFile());
  }

  @Singleton
  CellCommands commands(FileAuditLog audit, AlarmBoard alarms, LineControl line, ReviewQueue reviews,
      RobotControl robot, ModelRegistry models, CellEventBus events, EventIds ids, Clock clock) {
    return new CellCommands(audit, alarms, line, reviews, robot, models, events, ids, clock);
  }
}
