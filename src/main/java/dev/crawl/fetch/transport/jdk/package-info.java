/** The JDK's HttpClient as a transport: the reference ({@code --transport jdk}). */
package dev.crawl.fetch.transport.jdk;
