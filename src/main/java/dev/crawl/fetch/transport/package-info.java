/**
 * The seam between a download and the bytes on the wire: open an exchange on a pooled connection,
 * send the request, stream back the head and the body with back-pressure. Everything above it
 * (redirects, cookies, auth, retries, codings, the store, WARC) is written once.
 */
package dev.crawl.fetch.transport;
