package dev.crawl.fetch.auth;

import dev.crawl.core.Origin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Which credentials a request carries. {@code --user} goes to the server of the URL it was given
 * with, and never across a redirect to another; a {@code .netrc} entry goes to the host it names,
 * wherever the request came from. Sent with the first request, as curl does: a crawl of a protected
 * site would otherwise pay a refused request per URL.
 */
public final class BasicAuth {
  private final Credentials user;
  private final Netrc netrc;

  private BasicAuth(Credentials user, Netrc netrc) {
    this.user = user;
    this.netrc = netrc;
  }

  /**
   * @param user from {@code --user}, or null
   * @param netrcFile a .netrc file to take credentials from per host, or null
   */
  public static BasicAuth of(Credentials user, String netrcFile) throws IOException {
    return new BasicAuth(user, netrcFile == null ? null : Netrc.read(Path.of(netrcFile)));
  }

  /** The Authorization header for a request to {@code url} while fetching {@code listed}, or null. */
  public String header(URI listed, URI url) {
    if (user != null && Origin.of(listed).equals(Origin.of(url))) {
      return user.basic();
    }
    Credentials c = netrc == null ? null : netrc.lookup(url.getHost());
    return c == null ? null : c.basic();
  }
}
