package dev.crawl.fetch.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and password for HTTP basic authentication; the password never shows in text. */
public record Credentials(String user, String password) {

  /** {@code NAME:PASSWORD}, split at the first colon as curl does; null when there is no colon. */
  public static Credentials parse(String userColonPassword) {
    int colon = userColonPassword.indexOf(':');
    return colon < 0
        ? null
        : new Credentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
  }

  /** The value of an {@code Authorization} header. */
  public String basic() {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[user=" + user + ", password=***]";
  }
}
