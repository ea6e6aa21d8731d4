package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.wedsync.calsync.caldav.DavException;
import com.wedsync.calsync.caldav.ForbiddenException;
import com.wedsync.calsync.caldav.NotFoundException;
import com.wedsync.calsync.caldav.PreconditionFailedException;
import com.wedsync.calsync.caldav.RateLimitedException;
import com.wedsync.calsync.caldav.ServerErrorException;
import com.wedsync.calsync.caldav.UnauthorizedException;

/**
 * The one place where an unwanted HTTP status becomes a typed {@link DavException}.
 * Messages name the operation and URL, never credentials or response bodies.
 */
final class DavStatusErrors {

	/** How much of a refusal's body a dead letter keeps, in characters. */
	private static final int ANSWER_LENGTH = 500;

	private DavStatusErrors() {
	}

	static DavException toException(String operation, DavResponse response) {
		return toException(operation, response, Clock.systemUTC());
	}

	static DavException toException(String operation, DavResponse response, Clock clock) {
		return typed(operation, response, clock).withServerAnswer(answer(response.body()));
	}

	/**
	 * The start of a body as printable text, for a dead letter; {@code null} if empty.
	 */
	static String answer(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		String text = new String(body, 0, Math.min(body.length, ANSWER_LENGTH * 4), StandardCharsets.UTF_8);
		StringBuilder printable = new StringBuilder();
		text.codePoints()
			.limit(ANSWER_LENGTH)
			.forEach((c) -> printable.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
		String answer = printable.toString().strip();
		return answer.isEmpty() ? null : answer;
	}

	private static DavException typed(String operation, DavResponse response, Clock clock) {
		URI url = response.url();
		int status = response.status();
		String message = operation + " failed";
		return switch (status) {
			case 401 -> new UnauthorizedException(message + ": credentials refused", url, status);
			case 403 -> new ForbiddenException(message + ": forbidden", url, status,
					Privileges.needsPrivileges(url, response.body()));
			case 404, 410 -> new NotFoundException(message + ": not found", url, status);
			case 412 -> new PreconditionFailedException(message + ": precondition failed", url, status);
			case 429, 503 -> new RateLimitedException(message + ": rate limited", url, status,
					retryAfter(response.header("Retry-After"), clock));
			default -> (status >= 500) ? new ServerErrorException(message + ": server error", url, status)
					: new DavException(message + ": unexpected status", url, status);
		};
	}

	/** RFC 9110 section 10.2.3: delay-seconds or an HTTP-date; {@code null} if absent. */
	static Duration retryAfter(String header, Clock clock) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
		}
		catch (NumberFormatException notSeconds) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(clock.instant(), at.toInstant());
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (DateTimeParseException notDate) {
				return null;
			}
		}
	}

}
