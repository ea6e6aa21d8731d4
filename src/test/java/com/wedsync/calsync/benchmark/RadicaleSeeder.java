package com.wedsync.calsync.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import com.wedsync.calsync.testpeers.CalDavTestServer;

/**
 * Creates Radicale calendars by writing into its storage folder
 * ({@code collection-root/<user>/<calendar>/} with a {@code .Radicale.props}): a PUT per
 * event would take minutes, as Radicale scans the collection for a duplicate UID on every
 * new item. Radicale parses every item once on first read and caches it; {@link #warm}
 * pays that before any tool is timed, so both tools meet the same warm server.
 */
final class RadicaleSeeder {

	private RadicaleSeeder() {
	}

	/**
	 * A calendar of {@code count} events (see {@link PullSyncBenchmark#event}); its URL.
	 */
	static URI seed(CalDavTestServer account, String calendar, int count) {
		Path folder = account.homeFolder().resolve(calendar);
		try {
			Files.createDirectories(folder);
			Files.writeString(folder.resolve(".Radicale.props"),
					"{\"C:supported-calendar-component-set\": \"VEVENT\", \"D:displayname\": \"" + calendar
							+ "\", \"tag\": \"VCALENDAR\"}");
			for (int i = 0; i < count; i++) {
				Files.writeString(folder.resolve("event-%05d.ics".formatted(i)), PullSyncBenchmark.event(i, "v1"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return account.calendarHome().resolve(calendar + "/");
	}

	/**
	 * Lists the calendar once so Radicale parses and caches every item, and asks for its
	 * sync-token and ctag once; its duration. The first sync-token of a collection makes
	 * Radicale write a history entry per item (a PUT writes it as it goes, files seeded
	 * behind its back have none): ~35 s at 2,000 items here, paid by whichever client
	 * asks first. Both tools then meet a server as if the items had been uploaded.
	 */
	static Duration warm(CalDavTestServer account, URI calendar) {
		long started = System.nanoTime();
		propfind(account, calendar, "1", "<D:getetag/><C:calendar-data/>");
		propfind(account, calendar, "0", "<D:sync-token/><CS:getctag/>");
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static void propfind(CalDavTestServer account, URI calendar, String depth, String properties) {
		String basic = Base64.getEncoder()
			.encodeToString((account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
		HttpRequest propfind = HttpRequest.newBuilder(calendar)
			.timeout(Duration.ofMinutes(60))
			.header("Authorization", "Basic " + basic)
			.header("Depth", depth)
			.header("Content-Type", "application/xml; charset=utf-8")
			.method("PROPFIND", BodyPublishers.ofString("""
					<?xml version="1.0" encoding="utf-8"?>
					<D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" \
					xmlns:CS="http://calendarserver.org/ns/">
					<D:prop>%s</D:prop></D:propfind>
					""".formatted(properties)))
			.build();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		try {
			int status = client.send(propfind, BodyHandlers.discarding()).statusCode();
			if (status != 207) {
				throw new IllegalStateException("PROPFIND " + calendar + " answered " + status);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
