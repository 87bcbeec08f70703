package dev.crawl.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@code --layout hash}: a saved body is named by its SHA-256, its URL's extension kept, so equal
 * bodies are one file. Until the body is whole, it is written (and kept, if cut) under a name
 * drawn from its URL.
 */
final class ContentNames {
  private static final Pattern CONTENT_NAME = Pattern.compile("[0-9a-f]{64}(\\.[^./]{1,10})?");

  private ContentNames() {}

  /** The name a download of {@code url} is written under before its content is known. */
  static String provisional(URI url, String fileName) {
    return "url-" + PathMapper.hash8(url.toString()) + PathMapper.hash8("+" + url) + extension(fileName);
  }

  /** {@code SHA-256.EXT} of the file, {@code EXT} from the name it was written under. */
  static String of(Path file, String provisionalName) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest()) + extension(provisionalName);
  }

  static boolean isContentName(String path) {
    return CONTENT_NAME.matcher(path).matches();
  }

  /** {@code .gif} of {@code cn.gif}; "" for a name without a short extension. */
  static String extension(String fileName) {
    // a query's hash (page@1a2b3c4d.html) is no part of the extension
    String name = fileName.replaceAll("@[0-9a-f]{8}", "");
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 ? name.substring(dot) : "";
    return CONTENT_NAME.matcher("0".repeat(64) + ext).matches() ? ext : "";
  }
}
