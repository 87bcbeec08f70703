package dev.crawl.fetch.tls;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The blocks of a PEM file: certificates and keys may share one file, as curl allows. */
final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  private Pem() {}

  /** One block: its type ({@code CERTIFICATE}, {@code PRIVATE KEY}…) and its base64 text with any headers. */
  record Block(String type, String body) {
    /** The DER bytes; null when the body is not base64 (an encrypted key's headers, a broken file). */
    byte[] der() {
      try {
        return Base64.getMimeDecoder().decode(body.trim());
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    /** The block as PEM text again. */
    String text() {
      return "-----BEGIN " + type + "-----" + body + "-----END " + type + "-----\n";
    }
  }

  static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      blocks.add(new Block(m.group(1), m.group(2)));
    }
    return blocks;
  }
}
