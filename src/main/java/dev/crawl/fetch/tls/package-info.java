/** How HTTPS servers are trusted and what a client presents to them. */
package dev.crawl.fetch.tls;
