/** The run's cookie jar (RFC 6265), read and written as cookies.txt. */
package dev.crawl.fetch.cookie;
