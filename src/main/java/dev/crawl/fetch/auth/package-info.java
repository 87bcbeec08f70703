/** Credentials a request carries: --user and .netrc, sent as Basic. */
package dev.crawl.fetch.auth;
