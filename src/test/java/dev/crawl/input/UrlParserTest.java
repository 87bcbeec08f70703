package dev.crawl.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlParserTest {

  @ParameterizedTest
  @CsvSource({
    "HTTP://Example.COM/a, http://example.com/a",
    "http://example.com:80/a, http://example.com/a",
    "https://example.com:443, https://example.com/",
    "http://example.com/a/./b/../c#frag, http://example.com/a/c",
    "http://example.com:8080/x?q=1, http://example.com:8080/x?q=1",
    "http://example.com/a b, http://example.com/a%20b",
    "http://example.com/%7Euser/%61bc, http://example.com/~user/abc",
    "http://example.com/a%2fb?q=%c3%a9, http://example.com/a%2Fb?q=%C3%A9"
  })
  void normalisesSoOneResourceHasOneSpelling(String input, String expected) {
    assertEquals(expected, UrlParser.parse(input).url().toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://example.com/file | unsupported scheme 'ftp'",
        "javascript:alert(1) | unsupported scheme 'javascript'",
        "example.com/page | no scheme",
        "http:///nohost | no valid host",
        "http://exa mple.com/ | no valid host"
      })
  void explainsWhyALineIsNotAUrl(String input, String problem) {
    UrlParser.Parsed p = UrlParser.parse(input);
    assertNull(p.url());
    assertNotNull(p.problem());
    assertTrue(p.problem().contains(problem.trim()), p.problem());
  }

  @Test
  void writesAnInternationalHostAsPunycodeAndLeavesThePathToEscaping() {
    URI url = UrlParser.parse("https://user@B\u00fccher.example:8443/\u00e4?q=\u00fc").url();

    assertEquals("xn--bcher-kva.example", url.getHost());
    assertEquals("https://user@xn--bcher-kva.example:8443/%C3%A4?q=%C3%BC", url.toString());
  }

  @Test
  void keepsAnIpv6LiteralAsItsHost() {
    URI url = UrlParser.parse("http://[::1]:8080/x").url();

    assertEquals("[::1]", url.getHost());
    assertEquals(8080, url.getPort());
  }

  @Test
  void refusesOverlongUrls() {
    String url = "http://example.com/" + "a".repeat(100_000);
    assertTrue(UrlParser.parse(url).problem().startsWith("URL too long"));
  }
}
