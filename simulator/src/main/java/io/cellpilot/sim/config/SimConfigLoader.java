package io.cellpilot.sim.config;

import io.cellpilot.sim.SimException;
import io.cellpilot.sim.camera.DefectKind;
import io.cellpilot.sim.faults.ScenarioReader;
import io.cellpilot.sim.machines.MachineId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads the simulator's YAML configuration (see deploy/sim.yml for every key). Keys left out keep their defaults;
 * unknown keys and bad values fail at load with the file, the key path and the reason:
 * {@code sim.yml: line.defect-rate must be between 0 and 1, was 1.7}. Relative paths are resolved against the file's
 * folder.
 */
public final class SimConfigLoader {

  private SimConfigLoader() {}

  /** Loads and validates {@code file}. */
  public static SimConfig load(Path file) {
    return loadBuilder(file).build();
  }

  /** Loads {@code file} into a builder, so a command line can override single values before validation. */
  public static SimConfig.Builder loadBuilder(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new SimException(SimException.Code.IO, "cannot read configuration file " + file + ": " + e, e);
    }
    try {
      SimConfig.Builder builder = SimConfig.builder();
      Path base = file.toAbsolutePath().getParent();
      read(ConfigNode.root(Yaml.read(text), "the configuration"), builder, base);
      builder.build(); // validate now, so the error carries the file name
      return builder;
    } catch (SimException e) {
      throw new SimException(e.code(), file + ": " + e.getMessage(), e);
    }
  }

  /** Parses YAML text (relative paths against {@code base}); used by tests and {@link #loadBuilder}. */
  public static SimConfig parse(String yaml, Path base) {
    SimConfig.Builder builder = SimConfig.builder();
    read(ConfigNode.root(Yaml.read(yaml), "the configuration"), builder, base);
    return builder.build();
  }

  private static void read(ConfigNode root, SimConfig.Builder b, Path base) {
    root.integer("seed").ifPresent(b::seed);
    root.ifChild("time", n -> b.time(t -> {
      n.number("scale").ifPresent(t::scale);
      n.duration("step").ifPresent(t::step);
      n.instant("start").ifPresent(t::start);
    }));
    root.ifChild("plc", n -> b.plc(p -> readPlc(n, p)));
    root.ifChild("mqtt", n -> b.mqtt(m -> {
      n.bool("enabled").ifPresent(m::enabled);
      n.string("broker-uri").ifPresent(m::brokerUri);
      n.string("embedded-bind-address").ifPresent(m::embeddedBindAddress);
      n.intValue("embedded-port").ifPresent(m::embeddedPort);
      n.string("client-id").ifPresent(m::clientId);
      n.string("topic-prefix").ifPresent(m::topicPrefix);
      n.intValue("qos").ifPresent(m::qos);
      n.string("username").ifPresent(m::username);
      n.string("password").ifPresent(m::password);
    }));
    root.ifChild("line", n -> b.line(l -> readLine(n, l)));
    root.ifChild("camera", n -> b.camera(c -> {
      n.bool("enabled").ifPresent(c::enabled);
      int width = n.intValue("width").orElse(256);
      int height = n.intValue("height").orElse(256);
      c.size(width, height);
      n.string("folder").ifPresent(f -> c.folder(base.resolve(f)));
      n.intValue("keep-last").ifPresent(c::keepLast);
    }));
    List<MachineId> sensorMachines = new ArrayList<>(new SensorConfig.Builder().build().machines());
    root.ifChild("sensors", n -> b.sensors(s -> {
      n.strings("machines").ifPresent(names -> {
        sensorMachines.clear();
        sensorMachines.addAll(machines(n.key("machines"), names));
        s.machines(sensorMachines);
      });
      n.duration("interval").ifPresent(s::interval);
      n.duration("raw-interval").ifPresent(s::rawInterval);
      n.intValue("raw-samples").ifPresent(s::rawSamples);
      n.number("raw-sample-rate-hz").ifPresent(s::rawSampleRateHz);
    }));
    root.ifChild("meters", n -> b.meters(m -> {
      n.duration("interval").ifPresent(m::interval);
      n.number("base-load-kw").ifPresent(m::baseLoadKw);
      n.number("voltage").ifPresent(m::voltage);
    }));
    root.ifChild("safety", n -> b.safety(s -> n.number("zone-radius").ifPresent(s::zoneRadius)));
    root.ifChild("cobot", n -> b.cobot(c -> {
      n.bool("enabled").ifPresent(c::enabled);
      n.string("bind-address").ifPresent(c::bindAddress);
      CobotSection defaults = new CobotSection.Builder().build();
      c.ports(n.intValue("dashboard-port").orElse(defaults.dashboardPort()),
          n.intValue("secondary-port").orElse(defaults.secondaryPort()),
          n.intValue("rtde-port").orElse(defaults.rtdePort()));
    }));
    ScenarioReader scenarios = new ScenarioReader(sensorMachines);
    b.faults(scenarios.read(root));
    root.string("scenario").ifPresent(f -> b.faults(scenarios.readFile(base.resolve(f))));
    root.finish();
  }

  private static void readPlc(ConfigNode n, PlcConfig.Builder p) {
    n.bool("enabled").ifPresent(p::enabled);
    n.string("bind-address").ifPresent(p::bindAddress);
    n.intValue("port").ifPresent(p::port);
    n.string("path").ifPresent(p::path);
    n.duration("update-interval").ifPresent(p::updateInterval);
    n.ifChild("security", s -> {
      s.strings("policies").ifPresent(names -> {
        List<PlcConfig.Policy> policies = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
          String name = names.get(i);
          policies.add(PlcConfig.Policy.fromLabel(name).orElseThrow(() -> Check.invalid(
              s.key("policies") + " must list none and/or basic256sha256, was \"" + name + "\"")));
        }
        p.policies(policies);
      });
      s.bool("allow-anonymous").ifPresent(p::allowAnonymous);
      s.textMap("users").ifPresent(users -> users.forEach(p::user));
      s.bool("trust-all-clients").ifPresent(p::trustAllClients);
    });
  }

  private static void readLine(ConfigNode n, LineConfig.Builder l) {
    n.bool("auto-start").ifPresent(l::autoStart);
    n.number("speed").ifPresent(l::speed);
    n.number("part-spacing").ifPresent(l::partSpacing);
    n.number("defect-rate").ifPresent(l::defectRate);
    n.strings("defect-kinds").ifPresent(names -> {
      List<DefectKind> kinds = new ArrayList<>();
      for (String name : names) {
        kinds.add(DefectKind.fromLabel(name).orElseThrow(() -> Check.invalid(
            n.key("defect-kinds") + " must list kinds among " + DefectKind.labels() + ", was \"" + name + "\"")));
      }
      l.defectKinds(kinds);
    });
    n.duration("hold-timeout").ifPresent(l::holdTimeout);
    LineConfig defaults = new LineConfig.Builder().build();
    Optional<ConfigNode> pick = n.child("pick-position");
    pick.ifPresent(c -> {
      l.pickPosition(position(c, defaults.pickPosition()));
      c.finish();
    });
    Optional<ConfigNode> bin = n.child("reject-bin");
    bin.ifPresent(c -> {
      Position centre = position(c, defaults.rejectBin());
      l.rejectBin(centre, c.number("radius").orElse(defaults.rejectBinRadius()));
      c.finish();
    });
    n.number("grip-tolerance").ifPresent(l::gripTolerance);
  }

  private static Position position(ConfigNode c, Position defaults) {
    return new Position(c.number("x").orElse(defaults.x()), c.number("y").orElse(defaults.y()),
        c.number("z").orElse(defaults.z()));
  }

  private static List<MachineId> machines(String key, List<String> names) {
    List<MachineId> out = new ArrayList<>();
    for (String name : names) {
      out.add(MachineId.fromKey(name).orElseThrow(() -> Check.invalid(
          key + " must list machines among " + MachineId.keys() + ", was \"" + name + "\"")));
    }
    return out;
  }
}
