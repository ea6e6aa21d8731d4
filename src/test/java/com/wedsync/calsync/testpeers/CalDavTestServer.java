package com.wedsync.calsync.testpeers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.wedsync.calsync.support.logscan.SuiteSecrets;

/**
 * A real CalDAV server process for integration tests, driven with plain
 * {@code java.net.http} so the fixtures never depend on the code under test.
 */
public final class CalDavTestServer {

	private static final Pattern HREF = Pattern.compile("<(?:\\w+:)?href>([^<]+)</(?:\\w+:)?href>");

	private static final Pattern RESPONSE = Pattern.compile("<(?:\\w+:)?response\\b[^>]*>(.*?)</(?:\\w+:)?response>",
			Pattern.DOTALL);

	private static final Pattern PRINCIPAL = Pattern.compile("<(?:\\w+:)?principal\\s*/>");

	private final String name;

	private final Process process;

	private final URI baseUrl;

	private final String calendarHomePath;

	private final String username;

	private final String password;

	private final Path homeFolder;

	CalDavTestServer(String name, Process process, URI baseUrl, String calendarHomePath, String username,
			String password, Path homeFolder) {
		this.homeFolder = homeFolder;
		this.name = name;
		this.process = process;
		this.baseUrl = baseUrl;
		this.calendarHomePath = calendarHomePath;
		this.username = username;
		this.password = password;
		SuiteSecrets.record(username, password);
	}

	public String name() {
		return this.name;
	}

	public URI baseUrl() {
		return this.baseUrl;
	}

	/** Where the account's calendars live on this server. */
	public URI calendarHome() {
		return this.baseUrl.resolve(this.calendarHomePath);
	}

	/**
	 * Where the server keeps the home's collections on disk, for seeding large calendars
	 * without a PUT per event (Radicale's PUT slows down as a collection grows); null
	 * where the storage is not plain files.
	 */
	public Path homeFolder() {
		return this.homeFolder;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	/** MKCALENDAR (RFC 4791 section 5.3.1) under the home; returns the absolute URL. */
	public URI createCalendar(String calendarName) {
		URI url = calendarHome().resolve(calendarName + "/");
		String body = """
				<?xml version="1.0" encoding="utf-8"?>
				<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
				  <D:set><D:prop><D:displayname>%s</D:displayname></D:prop></D:set>
				</C:mkcalendar>
				""".formatted(calendarName);
		HttpResponse<String> response = send(request(url).method("MKCALENDAR", BodyPublishers.ofString(body))
			.header("Content-Type", "application/xml; charset=utf-8"));
		expect(response, 201, "MKCALENDAR " + url);
		return url;
	}

	/** Creates or replaces an event unconditionally; returns its ETag (or null). */
	public String putEvent(URI calendarUrl, String fileName, String ics) {
		URI url = calendarUrl.resolve(fileName);
		HttpResponse<String> response = send(request(url).PUT(BodyPublishers.ofString(ics, StandardCharsets.UTF_8))
			.header("Content-Type", "text/calendar; charset=utf-8"));
		expect(response, 201, "PUT " + url);
		return response.headers().firstValue("ETag").orElse(null);
	}

	/** The body of one event, or {@code null} when it does not exist. */
	public String getEvent(URI url) {
		HttpResponse<String> response = send(request(url).GET());
		if (response.statusCode() == 404) {
			return null;
		}
		expect(response, 200, "GET " + url);
		return response.body();
	}

	/** Every event of a calendar: absolute URL to iCalendar body. */
	public Map<URI, String> events(URI calendarUrl) {
		Map<URI, String> events = new TreeMap<>();
		for (URI member : hrefs(calendarUrl)) {
			events.put(member, getEvent(member));
		}
		return events;
	}

	/** The absolute URLs of a calendar's events, in one PROPFIND. */
	public java.util.Set<URI> hrefs(URI calendarUrl) {
		HttpResponse<String> listing = send(request(calendarUrl).method("PROPFIND", BodyPublishers.ofString("""
				<?xml version="1.0" encoding="utf-8"?>
				<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>
				""")).header("Depth", "1").header("Content-Type", "application/xml; charset=utf-8"));
		expect(listing, 207, "PROPFIND " + calendarUrl);
		java.util.Set<URI> members = new java.util.TreeSet<>();
		Matcher hrefs = HREF.matcher(listing.body());
		while (hrefs.find()) {
			URI member = calendarUrl.resolve(hrefs.group(1).trim());
			if (!member.getPath().endsWith("/")) {
				members.add(member);
			}
		}
		return members;
	}

	public void deleteEvent(URI url) {
		HttpResponse<String> response = send(request(url).DELETE());
		expect(response, 204, "DELETE " + url);
	}

	/**
	 * Deletes every collection under the home, so a test sees only the calendars it
	 * creates (the servers hold one account each).
	 */
	public void removeAllCalendars() {
		URI home = calendarHome();
		HttpResponse<String> listing = send(request(home).method("PROPFIND", BodyPublishers.ofString("""
				<?xml version="1.0" encoding="utf-8"?>
				<D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/></D:prop></D:propfind>
				""")).header("Depth", "1").header("Content-Type", "application/xml; charset=utf-8"));
		if (listing.statusCode() == 404) {
			return;
		}
		expect(listing, 207, "PROPFIND " + home);
		Matcher responses = RESPONSE.matcher(listing.body());
		while (responses.find()) {
			Matcher href = HREF.matcher(responses.group(1));
			// DAViCal lists its calendar-proxy-read/-write groups under the home: they
			// are
			// principals, not calendars, and cannot be deleted.
			if (!href.find() || PRINCIPAL.matcher(responses.group(1)).find()) {
				continue;
			}
			URI member = home.resolve(href.group(1).trim());
			if (member.getPath().endsWith("/") && !member.getPath().equals(home.getPath())) {
				expect(send(request(member).DELETE()), 204, "DELETE " + member);
			}
		}
	}

	public void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	private HttpRequest.Builder request(URI url) {
		String basic = Base64.getEncoder()
			.encodeToString((this.username + ":" + this.password).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + basic);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			// A fresh client per request: Radicale speaks HTTP/1.0 and closes every
			// connection, which a pooled client may race with.
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			return http.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(this.name + " did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * Any 2xx passes (Radicale answers 201 to updates, 200 to DELETE); else fail loudly.
	 */
	private void expect(HttpResponse<String> response, int typical, String what) {
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(this.name + ": " + what + " answered " + response.statusCode()
					+ " (expected " + typical + "): " + response.body());
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
