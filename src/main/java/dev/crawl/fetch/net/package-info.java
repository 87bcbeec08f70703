/** Where and how often requests go: proxies, the per-host cap and the pacer. */
package dev.crawl.fetch.net;
