package dev.crawl.fetch.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.fetch.auth.Credentials;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxiesTest {
  private static final URI HTTP = URI.create("http://a.example/x");
  private static final URI HTTPS = URI.create("https://a.example/x");

  @Test
  void takesEachSchemesProxyFromTheEnvironmentAsCurlDoes() {
    Proxies p = Proxies.choose(null, null, Map.of("http_proxy", "http://h:1", "HTTPS_PROXY", "http://s:2"));

    assertEquals(URI.create("http://h:1"), p.proxyFor(HTTP));
    assertEquals(URI.create("http://s:2"), p.proxyFor(HTTPS));
  }

  @Test
  void ignoresUpperCaseHttpProxyWhichACgiRequestCanSet() {
    assertFalse(Proxies.choose(null, null, Map.of("HTTP_PROXY", "http://evil:1")).any());
  }

  @Test
  void fallsBackToAllProxyAndLetsTheOptionWin() {
    Proxies fromEnv = Proxies.choose(null, null, Map.of("all_proxy", "http://all:3", "https_proxy", "http://s:2"));
    assertEquals(URI.create("http://all:3"), fromEnv.proxyFor(HTTP));
    assertEquals(URI.create("http://s:2"), fromEnv.proxyFor(HTTPS));

    Proxies option = Proxies.choose("http://opt:4", null, Map.of("https_proxy", "http://s:2"));
    assertEquals(URI.create("http://opt:4"), option.proxyFor(HTTPS));
    assertFalse(Proxies.choose("", null, Map.of("https_proxy", "http://s:2")).any(), "--proxy '' turns them off");
  }

  @Test
  void noProxyMatchesHostsAndTheirSubdomainsButNotLookAlikes() {
    Proxies p = Proxies.choose("http://p:1", null, Map.of("no_proxy", "example.org, .internal,::1"));

    assertNull(p.proxyFor(URI.create("http://example.org/")));
    assertNull(p.proxyFor(URI.create("http://www.example.org/")));
    assertNull(p.proxyFor(URI.create("http://db.internal/")));
    assertNull(p.proxyFor(URI.create("http://[::1]:8080/")));
    assertEquals(URI.create("http://p:1"), p.proxyFor(URI.create("http://notexample.org/")));
  }

  @Test
  void anAsteriskSendsEverythingDirect() {
    assertNull(Proxies.choose("http://p:1", "*", Map.of()).proxyFor(HTTPS));
  }

  @Test
  void aProxyWithoutSchemeOrPortIsHttpOn1080AsInCurl() {
    assertEquals(URI.create("http://p.example:1080"), Proxies.uri("p.example"));
  }

  @Test
  void onlyHttpProxiesAreTaken() {
    assertTrue(Proxies.problem("socks5://p:1080").startsWith("only http:// proxies are supported"));
    assertNull(Proxies.problem("http://p:3128"));
  }

  @Test
  void aProxysPasswordNeverShowsInText() {
    Proxies p = new Proxies("http://u:secret@p:1", null, List.of());

    assertFalse(p.toString().contains("secret"), p.toString());
    assertEquals(new Credentials("u", "secret"), p.credentialsFor(HTTP));
  }
}
