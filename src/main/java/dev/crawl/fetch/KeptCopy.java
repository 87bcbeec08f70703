package dev.crawl.fetch;

import dev.crawl.core.Validators;

/**
 * A URL's file as an earlier run into the same output left it, for asking the server whether it
 * changed since ({@code -N}): a 304 keeps it, a 200 replaces it.
 *
 * @param path the file, relative to the output directory
 * @param bytes its size now
 * @param modifiedMillis its modification time now, which a run sets from Last-Modified; sent as
 *     If-Modified-Since
 * @param crc32 its CRC-32 as the earlier report gave it, or null when no report knew the file
 * @param contentType as the earlier report gave it, or null
 * @param validators as the earlier report gave them; the ETag is sent as If-None-Match
 */
public record KeptCopy(
    String path, long bytes, long modifiedMillis, String crc32, String contentType, Validators validators) {}
