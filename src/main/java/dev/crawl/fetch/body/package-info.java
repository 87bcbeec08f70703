/** A response body on its way to disk: decoding, limits, checksums. */
package dev.crawl.fetch.body;
