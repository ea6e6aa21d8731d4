package com.wedsync.calsync.testpeers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rights file of a Radicale started by
 * {@link CalDavTestServers#radicaleWithReadOnlyCalendar}, and that server. Sections are
 * tried in order and the first whose {@code user} and {@code collection} match gives the
 * permissions ({@code R}/{@code W}: read/write collections, {@code r}/{@code w}:
 * read/write calendars and their events).
 */
public final class RadicaleRights {

	private final Path file;

	private final String sharedCalendar;

	private CalDavTestServer server;

	RadicaleRights(Path file, String sharedCalendar) {
		this.file = file;
		this.sharedCalendar = sharedCalendar;
	}

	public CalDavTestServer server() {
		return this.server;
	}

	void server(CalDavTestServer server) {
		this.server = server;
	}

	Path file() {
		return this.file;
	}

	/** The shared calendar's URL. */
	public URI sharedCalendar() {
		return this.server.calendarHome().resolve(this.sharedCalendar + "/");
	}

	/** The account may read the shared calendar and its events, not write them. */
	public void readOnly() {
		write("r");
	}

	/** The account may write the shared calendar's events too. */
	public void writable() {
		write("rw");
	}

	private void write(String sharedPermissions) {
		try {
			Files.writeString(this.file, """
					[root]
					user: .+
					collection:
					permissions: R
					[shared]
					user: .+
					collection: {user}/%s
					permissions: %s
					[home]
					user: .+
					collection: {user}
					permissions: RW
					[calendars]
					user: .+
					collection: {user}/[^/]+
					permissions: rw
					""".formatted(this.sharedCalendar, sharedPermissions));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
