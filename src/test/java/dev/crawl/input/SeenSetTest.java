package dev.crawl.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeenSetTest {

  @Test
  void acceptsEachUrlOnce() {
    SeenSet seen = new SeenSet();
    assertTrue(seen.add("http://h/a"));
    assertFalse(seen.add("http://h/a"));
    assertTrue(seen.add("http://h/b"));
    assertEquals(2, seen.size());
  }

  @Test
  void remembersEverythingAcrossGrowth() {
    SeenSet seen = new SeenSet();
    for (int i = 0; i < 100_000; i++) {
      assertTrue(seen.add("http://h/" + i));
    }
    for (int i = 0; i < 100_000; i++) {
      assertFalse(seen.add("http://h/" + i));
    }
    assertEquals(100_000, seen.size());
  }
}
