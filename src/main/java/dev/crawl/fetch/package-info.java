/** One download from request to typed result: redirects, retries, timeouts, conditional and range requests, over a transport. */
package dev.crawl.fetch;
