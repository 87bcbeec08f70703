package dev.crawl.fetch.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Credentials per host from a {@code .netrc} file, as curl, wget and ftp read it: {@code machine},
 * {@code login}, {@code password} and {@code default} tokens, on one line or many; {@code macdef}
 * blocks skipped. Each entry goes only to the host it names.
 */
public final class Netrc {
  private final Map<String, Credentials> machines;
  private final Credentials fallback;

  private Netrc(Map<String, Credentials> machines, Credentials fallback) {
    this.machines = machines;
    this.fallback = fallback;
  }

  /** The credentials for a host: its own entry, else the {@code default} one, else null. */
  public Credentials lookup(String host) {
    return host == null ? null : machines.getOrDefault(host.toLowerCase(Locale.ROOT), fallback);
  }

  /** @throws IOException with one line naming the file and what is wrong */
  public static Netrc read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file: " + file, e);
    }
    return parse(text, file.toString());
  }

  static Netrc parse(String text, String where) throws IOException {
    Map<String, Credentials> machines = new HashMap<>();
    Credentials fallback = null;
    Iterator<String> tokens = tokens(text).iterator();
    String machine = null;
    boolean isDefault = false;
    String login = null;
    String password = null;
    while (tokens.hasNext()) {
      String token = tokens.next();
      switch (token) {
        case "machine", "default" -> {
          if (machine != null || isDefault) {
            fallback = keep(machines, machine, login, password, fallback);
          }
          machine = token.equals("machine") ? next(tokens, "machine", where).toLowerCase(Locale.ROOT) : null;
          isDefault = token.equals("default");
          login = null;
          password = null;
        }
        case "login" -> login = next(tokens, "login", where);
        case "password" -> password = next(tokens, "password", where);
        case "account" -> next(tokens, "account", where);
        case "macdef" -> skipMacro(tokens);
        case "" -> { /* an empty line: only a macro's end */ }
        default -> throw new IOException(where + ": unexpected '" + token + "' (a .netrc holds machine, login and password entries)");
      }
    }
    if (machine != null || isDefault) {
      fallback = keep(machines, machine, login, password, fallback);
    }
    return new Netrc(Map.copyOf(machines), fallback);
  }

  /** Keeps one entry; returns the default entry, which {@code machine == null} means this is. */
  private static Credentials keep(
      Map<String, Credentials> machines, String machine, String login, String password, Credentials fallback) {
    if (login == null) {
      return fallback;
    }
    Credentials c = new Credentials(login, password == null ? "" : password);
    if (machine == null) {
      return c;
    }
    machines.putIfAbsent(machine, c); // the first entry for a host wins, as in curl
    return fallback;
  }

  private static String next(Iterator<String> tokens, String after, String where) throws IOException {
    if (!tokens.hasNext()) {
      throw new IOException(where + ": '" + after + "' without a value");
    }
    return tokens.next();
  }

  /** A macro runs to the next empty line; the tokenizer marks those as empty tokens. */
  private static void skipMacro(Iterator<String> tokens) {
    while (tokens.hasNext() && !tokens.next().isEmpty()) {
      // skipped
    }
  }

  /** Words split at white space, double quotes kept together; an empty line is an empty token. */
  static List<String> tokens(String text) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    int newlines = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          quoted = false;
        } else if (c == '\\' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (Character.isWhitespace(c)) {
        if (word.length() > 0) {
          out.add(word.toString());
          word.setLength(0);
        }
        if (c == '\n' && ++newlines == 2) {
          out.add("");
        }
        continue;
      } else if (c == '#' && word.length() == 0) {
        while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
          i++;
        }
      } else {
        word.append(c);
      }
      newlines = 0;
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }
}
