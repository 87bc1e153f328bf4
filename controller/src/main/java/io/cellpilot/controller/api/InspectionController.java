package io.cellpilot.controller.api;

import io.cellpilot.commands.CommandResult;
import io.cellpilot.controller.inspection.DecisionLog;
import io.cellpilot.controller.inspection.DecisionRecord;
import io.cellpilot.controller.review.ReviewItem;
import io.cellpilot.controller.review.ReviewQueue;
import io.cellpilot.controller.security.CellCommands;
import io.cellpilot.security.Principal;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Recent decisions and the operator review queue. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InspectionController {
  private final HttpAuth auth;
  private final DecisionLog decisions;
  private final ReviewQueue reviews;
  private final CellCommands commands;

  public InspectionController(HttpAuth auth, DecisionLog decisions, ReviewQueue reviews, CellCommands commands) {
    this.auth = auth;
    this.decisions = decisions;
    this.reviews = reviews;
    this.commands = commands;
  }

  /** The label an operator gives a reviewed part: {@code good} or a defect name. */
  @Introspected
  public record ResolveRequest(String label) {}

  @Get("/decisions")
  public List<DecisionRecord> decisions(HttpRequest<?> request, @QueryValue(defaultValue = "50") int limit) {
    auth.requireRead(request);
    return decisions.recent(limit);
  }

  @Get("/reviews")
  public List<ReviewItem> reviews(HttpRequest<?> request) {
    auth.requireRead(request);
    return reviews.list();
  }

  @Get("/reviews/{partId}/image")
  public HttpResponse<byte[]> image(HttpRequest<?> request, String partId) {
    auth.requireRead(request);
    Optional<Path> file = reviews.image(partId);
    if (file.isEmpty()) {
      return HttpResponse.notFound();
    }
    try {
      MediaType type = file.get().toString().endsWith(".png") ? MediaType.IMAGE_PNG_TYPE
          : file.get().toString().endsWith(".jpg") ? MediaType.IMAGE_JPEG_TYPE : MediaType.APPLICATION_OCTET_STREAM_TYPE;
      return HttpResponse.ok(Files.readAllBytes(file.get())).contentType(type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Post("/reviews/{partId}/resolve")
  public HttpResponse<?> resolve(HttpRequest<?> request, String partId, @Body @Nullable ResolveRequest body) {
    Optional<Principal> who = auth.commandSender(request);
    CommandResult result = commands.resolveReview(who.orElse(null), "http", partId,
        body == null ? null : body.label());
    return HttpAuth.respond(result, who);
  }
}
