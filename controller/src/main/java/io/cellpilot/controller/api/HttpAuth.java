package io.cellpilot.controller.api;

import io.cellpilot.commands.CommandResult;
import io.cellpilot.controller.config.ConfigTree;
import io.cellpilot.controller.security.FileUserStore;
import io.cellpilot.security.Principal;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP Basic ({@code user:password}) and bearer tokens ({@code Authorization: Bearer <user>.<token>}) against the
 * users file, and the mapping of command results to HTTP statuses. Controllers run on the blocking pool because a
 * first password check costs a PBKDF2 hash.
 */
@Singleton
public class HttpAuth {
  static final String REALM = "Basic realm=\"cellpilot\"";

  private final FileUserStore users;
  private final boolean anonymousRead;

  public HttpAuth(FileUserStore users, ConfigTree config) {
    this.users = users;
    this.anonymousRead = config.bool("cellpilot.security.anonymous-read");
  }

  /** The authenticated user; empty without credentials; {@link Unauthorized} when credentials are wrong. */
  public Optional<Principal> principal(HttpRequest<?> request) {
    Optional<String> header = request.getHeaders().getAuthorization();
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().trim();
    Optional<Principal> who = Optional.empty();
    if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new Unauthorized("malformed Basic credentials");
      }
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        who = users.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
      }
    } else if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = value.substring(7).trim();
      int dot = token.indexOf('.');
      if (dot > 0) {
        who = users.authenticate(token.substring(0, dot), token.substring(dot + 1));
      }
    }
    return Optional.of(who.orElseThrow(() -> new Unauthorized("wrong user name, password or token")));
  }

  /**
   * The sender of a command: wrong credentials count as none, so that the command is refused (401) by
   * {@code CellCommands} and the attempt lands in the audit log like every other command.
   */
  public Optional<Principal> commandSender(HttpRequest<?> request) {
    try {
      return principal(request);
    } catch (Unauthorized e) {
      return Optional.empty();
    }
  }

  /** Reads need a viewer unless {@code cellpilot.security.anonymous-read} is on. */
  public void requireRead(HttpRequest<?> request) {
    Optional<Principal> who = principal(request);
    if (who.isEmpty() && !anonymousRead) {
      throw new Unauthorized("reading the cell's status needs a user (viewer or above)");
    }
  }

  /** 200 for OK, 401 or 403 for DENIED, 409 for REJECTED, 503 for FAILED; the body says why. */
  public static MutableHttpResponse<?> respond(CommandResult result, Optional<Principal> who) {
    Map<String, String> body = Map.of("status", result.status().name(), "message", result.message());
    switch (result.status()) {
      case OK:
        return HttpResponse.ok(body);
      case DENIED:
        return who.isEmpty() ? HttpResponse.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, REALM)
            .body(body) : HttpResponse.status(HttpStatus.FORBIDDEN).body(body);
      case REJECTED:
        return HttpResponse.status(HttpStatus.CONFLICT).body(body);
      default:
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
  }

  /** Wrong or missing credentials where they are needed. */
  public static final class Unauthorized extends RuntimeException {
    public Unauthorized(String message) {
      super(message);
    }
  }
}
