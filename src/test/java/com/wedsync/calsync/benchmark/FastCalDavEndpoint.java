package com.wedsync.calsync.benchmark;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A CalDAV server that costs next to nothing, for the scenarios that measure calsync and
 * not the server: the 50,000-event import under a capped heap (Radicale needs ~18 minutes
 * to read 50,000 fresh files here) and scheduler capacity (thousands of change probes).
 * Every account (any Basic user name) has one calendar, {@code /home/<user>/cal/}, with a
 * fixed ctag; its size is the number in the user name ({@code n50000-…} holds 50,000
 * events of {@link PullSyncBenchmark#event}, any other name one). It answers discovery
 * PROPFINDs, the href/ETag listing (streamed, never built in memory) and
 * calendar-multiget; it offers no sync-collection, so a first sync lists the calendar.
 */
final class FastCalDavEndpoint implements AutoCloseable {

	private static final Pattern SIZE = Pattern.compile("^n(\\d+)-");

	private static final Pattern HREF = Pattern.compile("<(?:[A-Za-z]+:)?href>([^<]+)</(?:[A-Za-z]+:)?href>");

	private static final Pattern EVENT = Pattern.compile("/e(\\d+)\\.ics$");

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	FastCalDavEndpoint() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.threads);
		this.server.start();
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
	}

	/** Requests and body bytes (both directions) so far; headers are not counted. */
	CountingProxy.Snapshot snapshot() {
		return new CountingProxy.Snapshot(this.requests.get(), this.bytes.get());
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		try (exchange) {
			byte[] request = exchange.getRequestBody().readAllBytes();
			this.bytes.addAndGet(request.length);
			String body = new String(request, StandardCharsets.UTF_8);
			String user = user(exchange);
			String path = exchange.getRequestURI().getPath();
			String home = "/home/" + user + "/";
			String calendar = home + "cal/";
			String depth = exchange.getRequestHeaders().getFirst("Depth");
			exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
			exchange.sendResponseHeaders(207, 0);
			try (Writer out = new BufferedWriter(
					new OutputStreamWriter(counted(exchange.getResponseBody()), StandardCharsets.UTF_8), 1 << 16)) {
				out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:multistatus xmlns:D=\"DAV:\" "
						+ "xmlns:C=\"urn:ietf:params:xml:ns:caldav\" xmlns:CS=\"http://calendarserver.org/ns/\">");
				String method = exchange.getRequestMethod();
				if (method.equals("REPORT")) {
					multiget(out, body);
				}
				else if (path.equals(calendar) && "1".equals(depth)) {
					listing(out, calendar, size(user));
				}
				else if (path.equals(home) && "1".equals(depth)) {
					collection(out, home, "");
					collection(out, calendar, "<C:calendar/>");
				}
				else {
					out.write("<D:response><D:href>" + path + "</D:href><D:propstat><D:prop>"
							+ "<D:current-user-principal><D:href>/principal/" + user + "/</D:href>"
							+ "</D:current-user-principal><C:calendar-home-set><D:href>" + home
							+ "</D:href></C:calendar-home-set></D:prop><D:status>HTTP/1.1 200 OK</D:status>"
							+ "</D:propstat></D:response>");
				}
				out.write("</D:multistatus>");
			}
		}
	}

	private OutputStream counted(OutputStream body) {
		return new FilterOutputStream(body) {

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				FastCalDavEndpoint.this.bytes.addAndGet(len);
				this.out.write(b, off, len);
			}

			@Override
			public void write(int b) throws IOException {
				FastCalDavEndpoint.this.bytes.incrementAndGet();
				this.out.write(b);
			}

		};
	}

	private static void collection(Writer out, String href, String type) throws IOException {
		out.write("<D:response><D:href>" + href + "</D:href><D:propstat><D:prop><D:resourcetype><D:collection/>" + type
				+ "</D:resourcetype><D:displayname>cal</D:displayname><CS:getctag>ctag-1</CS:getctag>"
				+ "<C:supported-calendar-component-set><C:comp name=\"VEVENT\"/></C:supported-calendar-component-set>"
				+ "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
	}

	private static void listing(Writer out, String calendar, int size) throws IOException {
		collection(out, calendar, "<C:calendar/>");
		for (int i = 0; i < size; i++) {
			out.write("<D:response><D:href>" + calendar + "e" + i + ".ics</D:href><D:propstat><D:prop>"
					+ "<D:resourcetype/><D:getetag>\"v1-" + i + "\"</D:getetag></D:prop>"
					+ "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
		}
	}

	private static void multiget(Writer out, String body) throws IOException {
		Matcher hrefs = HREF.matcher(body);
		while (hrefs.find()) {
			String href = hrefs.group(1).trim();
			Matcher event = EVENT.matcher(href);
			if (!event.find()) {
				continue;
			}
			int i = Integer.parseInt(event.group(1));
			String ics = PullSyncBenchmark.event(i, "v1").replace("&", "&amp;").replace("<", "&lt;");
			out.write("<D:response><D:href>" + href + "</D:href><D:propstat><D:prop><D:getetag>\"v1-" + i
					+ "\"</D:getetag><C:calendar-data>" + ics + "</C:calendar-data></D:prop>"
					+ "<D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>");
		}
	}

	private static String user(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Basic ")) {
			return "anonymous";
		}
		String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
		return decoded.substring(0, decoded.indexOf(':'));
	}

	private static int size(String user) {
		Matcher matcher = SIZE.matcher(user);
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
