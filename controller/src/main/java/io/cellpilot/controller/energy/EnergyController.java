package io.cellpilot.controller.energy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cellpilot.controller.api.HttpAuth;
import io.cellpilot.energy.record.RecordStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Energy over HTTP (read role): {@code /api/energy} (meters, running shift, last part and pick, EnPI, rejected
 * readings), {@code /api/energy/shifts?from=&to=} and {@code /api/energy/parts?from=&to=} (ISO instants; default the
 * last 24 h and the last hour). Unknown figures are {@code null}, never 0.
 */
@Controller("/api/energy")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EnergyController {
  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  private final HttpAuth auth;
  private final EnergyService energy;

  public EnergyController(HttpAuth auth, EnergyService energy) {
    this.auth = auth;
    this.energy = energy;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> status(HttpRequest<?> request) {
    auth.requireRead(request);
    return energy.monitor().map(m -> json(m.status())).orElseGet(EnergyController::notConfigured);
  }

  @Get(value = "/shifts", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> shifts(HttpRequest<?> request, @Nullable @QueryValue String from,
      @Nullable @QueryValue String to) {
    auth.requireRead(request);
    return range(from, to, Duration.ofDays(1), (store, a, b) -> store.shifts(a, b));
  }

  @Get(value = "/parts", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<String> parts(HttpRequest<?> request, @Nullable @QueryValue String from,
      @Nullable @QueryValue String to) {
    auth.requireRead(request);
    return range(from, to, Duration.ofHours(1), (store, a, b) -> store.parts(a, b));
  }

  private interface Query {
    List<?> run(RecordStore store, Instant from, Instant to);
  }

  private HttpResponse<String> range(String from, String to, Duration back, Query q) {
    if (energy.monitor().isEmpty()) {
      return notConfigured();
    }
    Instant b;
    Instant a;
    try {
      b = to == null ? Instant.now() : Instant.parse(to);
      a = from == null ? b.minus(back) : Instant.parse(from);
    } catch (DateTimeParseException e) {
      return HttpResponse.<String>badRequest().body(error("from and to must be ISO-8601 instants like "
          + "2026-11-22T06:00:00Z: " + e.getParsedString()));
    }
    if (!a.isBefore(b)) {
      return HttpResponse.<String>badRequest().body(error("from " + a + " must be before to " + b));
    }
    return json(Map.of("from", a, "to", b, "records", q.run(energy.monitor().get().store(), a, b)));
  }

  private static HttpResponse<String> notConfigured() {
    return HttpResponse.<String>notFound().body(error("no energy meters are configured (cellpilot.energy.meters)"));
  }

  private static String error(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  private static HttpResponse<String> json(Object value) {
    return HttpResponse.ok(clean(JSON.valueToTree(value)).toString());
  }

  /** NaN is not JSON: unknown numbers become null. */
  static JsonNode clean(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> nulls = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getValue().isNumber() && !Double.isFinite(f.getValue().doubleValue())) {
          nulls.add(f.getKey());
        } else {
          clean(f.getValue());
        }
      }
      nulls.forEach(o::putNull);
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isNumber() && !Double.isFinite(a.get(i).doubleValue())) {
          a.set(i, a.nullNode());
        } else {
          clean(a.get(i));
        }
      }
    }
    return node;
  }
}
