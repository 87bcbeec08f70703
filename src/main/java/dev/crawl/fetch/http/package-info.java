/** HTTP as a protocol, apart from any client: framing, ranges, dates, Retry-After, request headers, and the wording of failures. */
package dev.crawl.fetch.http;
