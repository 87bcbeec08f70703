package dev.crawl.input;

import java.nio.charset.StandardCharsets;

/**
 * The dedupe set: 64-bit hashes of normalised URLs in an open-addressing table, about 16 bytes per
 * URL however long the URLs are. Two distinct URLs collide with probability about n²/2⁶⁵ (one in
 * 36 million for a million URLs); a collision would skip a URL as a duplicate, never corrupt a
 * file.
 */
public final class SeenSet {
  private long[] table = new long[1 << 10];
  private int size;
  private boolean hasZero;

  /** Adds the URL; false if it was already there. */
  public boolean add(String url) {
    long h = hash(url);
    if (h == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if (size * 2 >= table.length) {
      grow();
    }
    return insert(table, h);
  }

  /** True if the URL was added. */
  public boolean contains(String url) {
    long h = hash(url);
    if (h == 0) {
      return hasZero;
    }
    int mask = table.length - 1;
    for (int i = (int) mix(h) & mask; ; i = (i + 1) & mask) {
      if (table[i] == h) {
        return true;
      }
      if (table[i] == 0) {
        return false;
      }
    }
  }

  public int size() {
    return size + (hasZero ? 1 : 0);
  }

  private boolean insert(long[] t, long h) {
    int mask = t.length - 1;
    for (int i = (int) mix(h) & mask; ; i = (i + 1) & mask) {
      if (t[i] == h) {
        return false;
      }
      if (t[i] == 0) {
        t[i] = h;
        size++;
        return true;
      }
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    size = 0;
    for (long h : old) {
      if (h != 0) {
        insert(table, h);
      }
    }
  }

  /** 64-bit FNV-1a over the UTF-8 bytes, finished with a strong mixer; also the shared frontier's key. */
  public static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
