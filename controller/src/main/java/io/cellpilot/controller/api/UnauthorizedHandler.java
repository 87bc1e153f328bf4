package io.cellpilot.controller.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** Turns {@link HttpAuth.Unauthorized} into 401 with a Basic challenge. */
@Produces
@Singleton
public class UnauthorizedHandler implements ExceptionHandler<HttpAuth.Unauthorized, HttpResponse<?>> {
  @Override
  public HttpResponse<?> handle(HttpRequest request, HttpAuth.Unauthorized exception) {
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, HttpAuth.REALM)
        .body(Map.of("status", "DENIED", "message", exception.getMessage()));
  }
}
