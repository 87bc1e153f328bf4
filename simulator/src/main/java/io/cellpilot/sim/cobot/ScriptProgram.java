package io.cellpilot.sim.cobot;

import java.util.List;

/** A parsed URScript program: its name (from {@code def name():}) and its statements in order. */
record ScriptProgram(String name, List<Statement> statements) {
  ScriptProgram {
    statements = List.copyOf(statements);
  }
}
