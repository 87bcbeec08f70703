/**
 * The default transport: Netty's event loop (native epoll where it loads), connections pooled per
 * origin, HTTP/1.1 keep-alive, HTTPS with ALPN and HTTP/2.
 */
package dev.crawl.fetch.transport.netty;
