package io.cellpilot.sim.cobot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles the subset of URScript the simulated controller runs: one {@code def name(): ... end} program (or a single
 * statement, which UR also accepts on the secondary interface) of calls to movej, movel, stopj, stopl,
 * set_standard_digital_out, write_output_integer_register, write_output_float_register, rtde_set_watchdog, sleep,
 * sync and textmsg, with positional or named arguments. Anything else is a compile error, and, as on a real
 * controller, a program that does not compile does not run at all.
 */
final class ScriptParser {

  private ScriptParser() {}

  static ScriptProgram parse(String text) throws ScriptException {
    List<String> lines = new ArrayList<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      throw new ScriptException("empty program");
    }
    String name = "<unnamed>";
    List<String> body = lines;
    if (lines.get(0).startsWith("def ") || lines.get(0).startsWith("sec ")) {
      String header = lines.get(0);
      if (!header.endsWith("():") || !lines.get(lines.size() - 1).equals("end")) {
        throw new ScriptException("line 1: expected 'def name():' ... 'end', was '" + header + "'");
      }
      name = header.substring(4, header.length() - 3).strip();
      body = lines.subList(1, lines.size() - 1);
    }
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      try {
        statements.add(statement(body.get(i)));
      } catch (RuntimeException | ScriptException e) {
        throw new ScriptException("line " + (i + 2) + ": " + e.getMessage() + " in '" + body.get(i) + "'");
      }
    }
    return new ScriptProgram(name, statements);
  }

  private static Statement statement(String line) throws ScriptException {
    int open = line.indexOf('(');
    if (open < 0 || !line.endsWith(")")) {
      throw new ScriptException("not a function call");
    }
    String function = line.substring(0, open).strip();
    Args args = Args.parse(line.substring(open + 1, line.length() - 1));
    switch (function) {
      case "movej": {
        String target = args.get(0, "q");
        boolean pose = target.startsWith("p[");
        args.only("q", "a", "v", "r");
        return new Statement.MoveJ(vector(target), pose, args.number(1, "a", 1.4), args.number(2, "v", 1.05));
      }
      case "movel": {
        String target = args.get(0, "pose");
        if (!target.startsWith("p[")) {
          throw new ScriptException("movel needs a pose p[...]");
        }
        args.only("pose", "a", "v", "r");
        return new Statement.MoveL(vector(target), args.number(1, "a", 1.2), args.number(2, "v", 0.25));
      }
      case "stopj":
      case "stopl":
        return new Statement.Stop(args.number(0, "a", Double.NaN));
      case "set_standard_digital_out":
      case "set_digital_out":
        return new Statement.SetDigitalOut((int) args.number(0, "n", Double.NaN), bool(args.get(1, "b")));
      case "write_output_integer_register":
        return new Statement.WriteIntRegister((int) args.number(0, "address", Double.NaN),
            (int) args.number(1, "value", Double.NaN));
      case "write_output_float_register":
        return new Statement.WriteFloatRegister((int) args.number(0, "address", Double.NaN),
            args.number(1, "value", Double.NaN));
      case "rtde_set_watchdog":
        return new Statement.SetWatchdog(string(args.get(0, "variable_name")),
            args.number(1, "min_frequency", Double.NaN), string(args.getOr(2, "action", "\"pause\"")).toLowerCase(
                Locale.ROOT));
      case "sleep":
        return new Statement.Sleep(args.number(0, "t", Double.NaN));
      case "sync":
        return new Statement.Sync();
      case "textmsg":
        return new Statement.TextMsg(string(args.get(0, "s")));
      default:
        throw new ScriptException("unknown function '" + function + "'");
    }
  }

  private static double[] vector(String text) throws ScriptException {
    String t = text.startsWith("p") ? text.substring(1) : text;
    if (!t.startsWith("[") || !t.endsWith("]")) {
      throw new ScriptException("expected a list [..6 numbers..], was '" + text + "'");
    }
    String[] parts = t.substring(1, t.length() - 1).split(",");
    if (parts.length != 6) {
      throw new ScriptException("expected 6 numbers, was " + parts.length);
    }
    double[] v = new double[6];
    for (int i = 0; i < 6; i++) {
      v[i] = Double.parseDouble(parts[i].strip());
    }
    return v;
  }

  private static boolean bool(String text) throws ScriptException {
    if (text.equals("True")) {
      return true;
    }
    if (text.equals("False")) {
      return false;
    }
    throw new ScriptException("expected True or False, was '" + text + "'");
  }

  private static String string(String text) throws ScriptException {
    if (text.length() < 2 || !text.startsWith("\"") || !text.endsWith("\"")) {
      throw new ScriptException("expected a string, was '" + text + "'");
    }
    return text.substring(1, text.length() - 1);
  }

  /** Positional and named arguments of one call. */
  private record Args(List<String> positional, Map<String, String> named) {

    static Args parse(String text) throws ScriptException {
      List<String> positional = new ArrayList<>();
      Map<String, String> named = new HashMap<>();
      int depth = 0;
      boolean quoted = false;
      int start = 0;
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == '[') {
          depth++;
        } else if (!quoted && c == ']') {
          depth--;
        } else if (!quoted && depth == 0 && c == ',') {
          parts.add(text.substring(start, i).strip());
          start = i + 1;
        }
      }
      if (!text.isBlank()) {
        parts.add(text.substring(start).strip());
      }
      for (String part : parts) {
        int eq = part.indexOf('=');
        if (eq > 0 && !part.startsWith("\"") && part.substring(0, eq).strip().matches("[a-z_]+")) {
          named.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        } else if (!named.isEmpty()) {
          throw new ScriptException("positional argument after a named one");
        } else {
          positional.add(part);
        }
      }
      return new Args(positional, named);
    }

    String get(int index, String name) throws ScriptException {
      String v = getOr(index, name, null);
      if (v == null) {
        throw new ScriptException("missing argument '" + name + "'");
      }
      return v;
    }

    String getOr(int index, String name, String fallback) {
      if (index < positional.size()) {
        return positional.get(index);
      }
      return named.getOrDefault(name, fallback);
    }

    double number(int index, String name, double fallback) throws ScriptException {
      String v = getOr(index, name, null);
      if (v == null) {
        if (Double.isNaN(fallback)) {
          throw new ScriptException("missing argument '" + name + "'");
        }
        return fallback;
      }
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new ScriptException("argument '" + name + "' is not a number: '" + v + "'");
      }
    }

    void only(String... allowed) throws ScriptException {
      List<String> ok = List.of(allowed);
      for (String key : named.keySet()) {
        if (!ok.contains(key)) {
          throw new ScriptException("the simulation does not support argument '" + key + "'");
        }
      }
      if (named.containsKey("r") && Double.parseDouble(named.get("r")) != 0) {
        throw new ScriptException("the simulation does not blend (r must be 0)");
      }
    }
  }
}
