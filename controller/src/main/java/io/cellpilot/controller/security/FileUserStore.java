package io.cellpilot.controller.security;

import io.cellpilot.security.Authenticator;
import io.cellpilot.security.Principal;
import io.cellpilot.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users in a text file (mode 600), one per line: {@code name:ROLE:password:iterations:salt:hash} with a PBKDF2 hash,
 * or {@code name:ROLE:token:::sha256} for an API token. Nothing in the file lets anyone log in without the secret.
 * A verified secret is remembered in memory by its SHA-256 for a few minutes, so HTTP Basic does not pay the slow
 * hash on every request.
 */
public final class FileUserStore implements Authenticator {
  private static final Logger log = LoggerFactory.getLogger(FileUserStore.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final long CACHE_MILLIS = 5 * 60_000;

  private record User(String name, Role role, String kind, int iterations, String salt, String hash) {
    String line() {
      return String.join(":", name, role.name(), kind, kind.equals("token") ? "" : String.valueOf(iterations),
          salt, hash);
    }
  }

  private final Path file;
  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Map<String, Long> verified = new ConcurrentHashMap<>();

  public FileUserStore(Path file) {
    this.file = file;
    reload();
  }

  public Path file() {
    return file;
  }

  public boolean isEmpty() {
    return users.isEmpty();
  }

  /** Reads the file again (after {@code cellpilot users add} changed it). */
  public synchronized void reload() {
    users.clear();
    verified.clear();
    if (!Files.exists(file)) {
      return;
    }
    try {
      int n = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(":", -1);
        if (f.length != 6) {
          log.error("[security] {} line {} is not name:role:kind:iterations:salt:hash; ignored", file, n);
          continue;
        }
        try {
          Role role = Role.valueOf(f[1].toUpperCase(Locale.ROOT));
          int iterations = f[3].isEmpty() ? 0 : Integer.parseInt(f[3]);
          users.put(f[0], new User(f[0], role, f[2], iterations, f[4], f[5]));
        } catch (IllegalArgumentException e) {
          log.error("[security] {} line {}: {}; ignored", file, n, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the users file " + file, e);
    }
  }

  @Override
  public Optional<Principal> authenticate(String name, String secret) {
    if (name == null || secret == null) {
      return Optional.empty();
    }
    User user = users.get(name);
    if (user == null) {
      // Spend the same time as for a real user, so response times do not reveal which names exist.
      Secrets.pbkdf2(secret, new byte[16], Secrets.ITERATIONS);
      return Optional.empty();
    }
    String cacheKey = Secrets.sha256Hex(name + "\u0000" + secret + "\u0000" + user.hash());
    Long until = verified.get(cacheKey);
    long now = System.currentTimeMillis();
    if (until != null && until > now) {
      return Optional.of(new Principal(user.name(), user.role()));
    }
    boolean ok;
    if (user.kind().equals("token")) {
      ok = Secrets.same(Secrets.sha256Hex(secret).getBytes(StandardCharsets.US_ASCII),
          user.hash().getBytes(StandardCharsets.US_ASCII));
    } else {
      ok = Secrets.same(Secrets.pbkdf2(secret, Secrets.unb64(user.salt()), user.iterations()),
          Secrets.unb64(user.hash()));
    }
    if (!ok) {
      return Optional.empty();
    }
    verified.put(cacheKey, now + CACHE_MILLIS);
    return Optional.of(new Principal(user.name(), user.role()));
  }

  /** Adds or replaces a password user; returns the password (generated when {@code password} is null). */
  public synchronized String putPassword(String name, Role role, String password) {
    checkName(name);
    String secret = password == null ? Secrets.generate(20) : password;
    if (secret.length() < 12) {
      throw new IllegalArgumentException("passwords must have at least 12 characters");
    }
    byte[] salt = Secrets.salt();
    users.put(name, new User(name, role, "password", Secrets.ITERATIONS, Secrets.b64(salt),
        Secrets.b64(Secrets.pbkdf2(secret, salt, Secrets.ITERATIONS))));
    save();
    return secret;
  }

  /** Adds or replaces an API token user; returns the token, shown once. */
  public synchronized String putToken(String name, Role role) {
    checkName(name);
    String token = Secrets.generate(40);
    users.put(name, new User(name, role, "token", 0, "", Secrets.sha256Hex(token)));
    save();
    return token;
  }

  public synchronized boolean remove(String name) {
    boolean removed = users.remove(name) != null;
    if (removed) {
      save();
    }
    return removed;
  }

  /** Names and roles, for {@code cellpilot users list}. */
  public Map<String, Role> roles() {
    Map<String, Role> out = new LinkedHashMap<>();
    users.values().stream().sorted(java.util.Comparator.comparing(User::name))
        .forEach(u -> out.put(u.name(), u.role()));
    return out;
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("user names hold letters, digits, '.', '-' and '_', was " + name);
    }
  }

  private void save() {
    verified.clear();
    List<String> lines = new ArrayList<>();
    lines.add("# CellPilot users: name:role:kind:iterations:salt:hash (edit with `cellpilot users`)");
    users.values().stream().sorted(java.util.Comparator.comparing(User::name)).forEach(u -> lines.add(u.line()));
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
        // Not a POSIX file system: the file gets the folder's default permissions.
      }
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the users file " + file, e);
    }
  }
}
