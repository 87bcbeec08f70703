package dev.crawl.fetch.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class NetrcTest {
  @Test
  void readsEntriesOnOneLineOrSpreadOverMany() throws IOException {
    Netrc n = Netrc.parse("""
        machine a.example login ann password one
        machine b.example
          login bob
          password two
        """, "netrc");

    assertEquals(new Credentials("ann", "one"), n.lookup("a.example"));
    assertEquals(new Credentials("bob", "two"), n.lookup("B.Example"));
    assertNull(n.lookup("c.example"));
  }

  @Test
  void theDefaultEntryServesEveryOtherHost() throws IOException {
    Netrc n = Netrc.parse("machine a.example login ann password one\ndefault login anon password guest\n", "netrc");

    assertEquals(new Credentials("anon", "guest"), n.lookup("c.example"));
    assertEquals(new Credentials("ann", "one"), n.lookup("a.example"));
  }

  @Test
  void skipsMacrosCommentsAndAccountsAndKeepsQuotedPasswordsWhole() throws IOException {
    Netrc n = Netrc.parse("""
        # a comment
        macdef init
        cd /pub
        machine not.a.machine login nobody

        machine a.example login ann account x password "with space"
        """, "netrc");

    assertEquals(new Credentials("ann", "with space"), n.lookup("a.example"));
    assertNull(n.lookup("not.a.machine"));
  }

  @Test
  void theFirstEntryForAHostWins() throws IOException {
    Netrc n = Netrc.parse("machine a login one password 1\nmachine a login two password 2\n", "netrc");

    assertEquals("one", n.lookup("a").user());
  }

  @Test
  void aWordThatIsNotATokenIsOneLineNamingTheFile() {
    IOException e = assertThrows(IOException.class, () -> Netrc.parse("machine a logon ann\n", "/home/x/.netrc"));

    assertTrue(e.getMessage().startsWith("/home/x/.netrc: unexpected 'logon'"), e.getMessage());
  }

  @Test
  void aPasswordNeverShowsInText() {
    assertEquals("Credentials[user=ann, password=***]", new Credentials("ann", "secret").toString());
  }
}
