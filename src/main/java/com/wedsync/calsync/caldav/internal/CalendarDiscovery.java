package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.wedsync.calsync.caldav.CalendarHome;
import com.wedsync.calsync.caldav.NotFoundException;
import com.wedsync.calsync.caldav.TransportException;

/**
 * Finds principal and calendar home: RFC 6764 well-known URI, RFC 5397
 * current-user-principal, RFC 4791 section 6.2.1 calendar-home-set.
 */
final class CalendarDiscovery {

	private static final int MAX_REDIRECTS = 5;

	private final DavSession session;

	CalendarDiscovery(DavSession session) {
		this.session = session;
	}

	CalendarHome discover(URI serverUrl) {
		URI principal = findPrincipal(serverUrl.resolve("/.well-known/caldav")).or(() -> findPrincipal(serverUrl))
			.orElseThrow(() -> new NotFoundException("Discovery found no current-user-principal", serverUrl, 0));
		this.session.checkNamedUrl(principal, "the principal");
		// Asked on the principal's own URL, whatever host it names: iCloud's principal
		// lives on caldav.icloud.com and names a home on a pNN-caldav partition host.
		Multistatus answer = this.session.propfind(principal, 0, List.of(DavNames.CALENDAR_HOME_SET));
		URI home = answer.responses()
			.stream()
			.map((entry) -> entry.property(DavNames.CALENDAR_HOME_SET))
			.filter((property) -> property != null)
			.flatMap((property) -> property.children(DavNames.HREF).stream())
			.map((href) -> Hrefs.resolve(principal, href.trimmedText()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Principal names no calendar-home-set", principal, 0));
		// A home elsewhere would get the password with the first listing: refused here,
		// so discovery fails saying why instead.
		this.session.checkNamedUrl(home, "the calendar home");
		return new CalendarHome(principal, home);
	}

	/**
	 * PROPFIND current-user-principal, following redirects (a well-known URI usually
	 * redirects to the context path). Empty when the URL does not know the property or
	 * does not exist (404/405 on servers without a well-known URI).
	 */
	private Optional<URI> findPrincipal(URI start) {
		URI url = start;
		for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
			DavResponse response = this.session.sendPropfind(url, 0, List.of(DavNames.CURRENT_USER_PRINCIPAL));
			int status = response.status();
			if (status >= 300 && status < 400 && response.header("Location") != null) {
				URI from = url;
				url = Hrefs.resolve(url, response.header("Location"));
				this.session.checkNamedUrl(url, "the redirect from " + from);
				continue;
			}
			if (status == 404 || status == 405 || status == 501) {
				return Optional.empty();
			}
			if (!response.isSuccess()) {
				throw DavStatusErrors.toException("PROPFIND current-user-principal", response);
			}
			return principalIn(this.session.multistatus(response));
		}
		throw new TransportException("More than " + MAX_REDIRECTS + " redirects", start, 0);
	}

	private static Optional<URI> principalIn(Multistatus answer) {
		for (Multistatus.Entry entry : answer.responses()) {
			var property = entry.property(DavNames.CURRENT_USER_PRINCIPAL);
			if (property != null) {
				Optional<String> href = property.child(DavNames.HREF).map(XmlElement::trimmedText);
				if (href.isPresent() && !href.get().isEmpty()) {
					return Optional.of(Hrefs.resolve(entry.href(), href.get()));
				}
			}
		}
		return Optional.empty();
	}

}
