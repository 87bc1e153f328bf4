package io.cellpilot.controller.api;

import io.cellpilot.controller.alarm.ActiveAlarm;
import io.cellpilot.controller.alarm.AlarmBoard;
import io.cellpilot.controller.cell.RobotControl;
import io.cellpilot.controller.cell.RobotStatus;
import io.cellpilot.controller.models.ModelRegistry;
import io.cellpilot.controller.models.ModelStatus;
import io.cellpilot.controller.security.CellCommands;
import io.cellpilot.security.Principal;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Optional;

/** Alarms, models, robot and line: reads for viewers, commands by role (see {@link CellCommands}). */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CommandsController {
  private final HttpAuth auth;
  private final AlarmBoard alarms;
  private final ModelRegistry models;
  private final RobotControl robot;
  private final CellCommands commands;

  public CommandsController(HttpAuth auth, AlarmBoard alarms, ModelRegistry models, RobotControl robot,
      CellCommands commands) {
    this.auth = auth;
    this.alarms = alarms;
    this.models = models;
    this.robot = robot;
    this.commands = commands;
  }

  /** Which alarm to reset (alarm ids hold slashes, so they travel in the body). */
  @Introspected
  public record AlarmRequest(String alarmId) {}

  /** A model package file name inside the model folder. */
  @Introspected
  public record PackageRequest(@com.fasterxml.jackson.annotation.JsonProperty("package") String packageName) {}

  /** Why the robot is being stopped, for the audit log. */
  @Introspected
  public record StopRequest(@Nullable String reason) {}

  @Get("/alarms")
  public List<ActiveAlarm> alarms(HttpRequest<?> request) {
    auth.requireRead(request);
    return alarms.list();
  }

  @Post("/alarms/reset")
  public HttpResponse<?> resetAlarm(HttpRequest<?> request, @Body AlarmRequest body) {
    Optional<Principal> who = auth.commandSender(request);
    return HttpAuth.respond(commands.resetAlarm(who.orElse(null), "http", body.alarmId()), who);
  }

  @Get("/models")
  public List<ModelStatus> models(HttpRequest<?> request) {
    auth.requireRead(request);
    return models.list();
  }

  @Post("/models/{id}/load")
  public HttpResponse<?> load(HttpRequest<?> request, String id, @Body PackageRequest body) {
    Optional<Principal> who = auth.commandSender(request);
    return HttpAuth.respond(commands.loadModel(who.orElse(null), "http", id, body.packageName()), who);
  }

  @Post("/models/{id}/rollback")
  public HttpResponse<?> rollback(HttpRequest<?> request, String id) {
    Optional<Principal> who = auth.commandSender(request);
    return HttpAuth.respond(commands.rollbackModel(who.orElse(null), "http", id), who);
  }

  @Post("/models/{id}/shadow")
  public HttpResponse<?> shadow(HttpRequest<?> request, String id, @Body PackageRequest body) {
    Optional<Principal> who = auth.commandSender(request);
    return HttpAuth.respond(commands.startShadow(who.orElse(null), "http", id, body.packageName()), who);
  }

  @Delete("/models/{id}/shadow")
  public HttpResponse<?> stopShadow(HttpRequest<?> request, String id) {
    Optional<Principal> who = auth.commandSender(request);
    return HttpAuth.respond(commands.stopShadow(who.orElse(null), "http", id), who);
  }

  @Get("/robot")
  public RobotStatus robot(HttpRequest<?> request) {
    auth.requireRead(request);
    return robot.status();
  }

  @Post("/robot/stop")
  public HttpResponse<?> stop(HttpRequest<?> request, @Body @Nullable StopRequest body) {
    Optional<Principal> who = auth.commandSender(request);
    String reason = body == null || body.reason() == null ? "stop requested over HTTP" : body.reason();
    return HttpAuth.respond(commands.stopRobot(who.orElse(null), "http", reason), who);
  }

  @Post("/robot/activate")
  public HttpResponse<?> activate(HttpRequest<?> request) {
    Optional<Principal> who = auth.commandSender(request);
    return HttpAuth.respond(commands.activateRobot(who.orElse(null), "http"), who);
  }

  @Post("/line/reset")
  public HttpResponse<?> reset(HttpRequest<?> request) {
    Optional<Principal> who = auth.commandSender(request);
    return HttpAuth.respond(commands.resetLine(who.orElse(null), "http"), who);
  }

  @Post("/line/pause")
  public HttpResponse<?> pause(HttpRequest<?> request) {
    Optional<Principal> who = auth.commandSender(request);
    return HttpAuth.respond(commands.pauseLine(who.orElse(null), "http"), who);
  }

  @Post("/line/resume")
  public HttpResponse<?> resume(HttpRequest<?> request) {
    Optional<Principal> who = auth.commandSender(request);
    return HttpAuth.respond(commands.resumeLine(who.orElse(null), "http"), who);
  }
}
