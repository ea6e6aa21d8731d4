package com.wedsync.calsync.scheduling;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.wedsync.calsync.caldav.CalDavClient;
import com.wedsync.calsync.caldav.DavException;
import com.wedsync.calsync.caldav.RemoteCalendar;
import com.wedsync.calsync.caldav.UnauthorizedException;
import com.wedsync.calsync.integration.Calendar;
import com.wedsync.calsync.integration.CalendarRepository;
import com.wedsync.calsync.integration.CalendarStatus;
import com.wedsync.calsync.integration.Integration;
import com.wedsync.calsync.integration.IntegrationConnector;
import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.observability.CalSyncMetrics;
import com.wedsync.calsync.sync.outbox.SyncOutbox;

import org.springframework.stereotype.Component;

/**
 * Decides whether a poll needs a sync, for the price of one PROPFIND Depth 1 on the
 * calendar home (cheapest first). The listing is compared with the committed state, not
 * recorded, so an unchanged poll leaves no trace in the database, but for one thing: the
 * first unchanged poll after a sync that needed a report commits the ctag it listed with
 * the committed sync-token, so later polls ask for the ctag alone.
 */
@Component
class ChangeProbe {

	private static final Log logger = LogFactory.getLog(ChangeProbe.class);

	private final IntegrationConnector connector;

	private final IntegrationRepository integrations;

	private final CalendarRepository calendars;

	private final SyncOutbox outbox;

	private final IntegrationSchedule schedule;

	private final MeterRegistry meters;

	ChangeProbe(IntegrationConnector connector, IntegrationRepository integrations, CalendarRepository calendars,
			SyncOutbox outbox, IntegrationSchedule schedule, MeterRegistry meters) {
		this.connector = connector;
		this.integrations = integrations;
		this.calendars = calendars;
		this.outbox = outbox;
		this.schedule = schedule;
		this.meters = meters;
		// every outcome from the start, so dashboards and rate() have a series at zero
		for (ProbeOutcome outcome : ProbeOutcome.values()) {
			counter(outcome);
		}
	}

	ProbeOutcome probe(Integration integration) {
		ProbeOutcome outcome = check(integration);
		counter(outcome).increment();
		return outcome;
	}

	private Counter counter(ProbeOutcome outcome) {
		return Counter.builder(CalSyncMetrics.PROBES)
			.description("Change probes of integrations by outcome")
			.tag(CalSyncMetrics.TAG_OUTCOME, outcome.tag())
			.register(this.meters);
	}

	private ProbeOutcome check(Integration integration) {
		// Platform changes waiting cost no request to find.
		if (this.outbox.hasPendingForIntegration(integration.id())) {
			return ProbeOutcome.CHANGED;
		}
		// No home yet: only the sync's discovery step can find it.
		if (integration.calendarHomeUrl() == null) {
			return ProbeOutcome.CHANGED;
		}
		try (CalDavClient client = this.connector.connect(integration)) {
			List<Calendar> known = this.calendars.findByIntegration(integration.id());
			List<RemoteCalendar> listed = client.listCalendars(integration.calendarHomeUrl(),
					Calendar.changeMarkersFor(known));
			if (changed(known, listed)) {
				return ProbeOutcome.CHANGED;
			}
			adoptCtags(known, listed);
			return ProbeOutcome.UNCHANGED;
		}
		catch (UnauthorizedException ex) {
			logger.warn("Integration " + integration.id() + ": the server refused the credentials; polling stops");
			this.integrations.markAuthFailed(integration.id(), UnauthorizedException.REPLACE_PASSWORD);
			this.schedule.remove(integration.id());
			return ProbeOutcome.FAILED;
		}
		catch (DavException ex) {
			// The next poll asks again; one line per failed poll, no stack trace.
			logger.warn("Integration " + integration.id() + ": change probe failed: " + ex.getMessage());
			return ProbeOutcome.FAILED;
		}
	}

	private void adoptCtags(List<Calendar> known, List<RemoteCalendar> listed) {
		Map<URI, Calendar> synced = known.stream()
			.filter(Calendar::isSynced)
			.collect(Collectors.toMap(Calendar::href, Function.identity()));
		for (RemoteCalendar remote : listed) {
			Calendar calendar = synced.get(remote.href());
			if (calendar != null && calendar.adoptsCtagFrom(remote.ctag(), remote.syncToken())) {
				this.calendars.adoptCtag(calendar.id(), remote.ctag(), calendar.syncToken());
			}
		}
	}

	/**
	 * A calendar appeared or disappeared, or a synced calendar shows another ctag or
	 * sync-token than was committed, or holds writes of ours newer than its token.
	 */
	static boolean changed(List<Calendar> known, List<RemoteCalendar> listed) {
		Map<URI, Calendar> present = known.stream()
			.filter((calendar) -> calendar.status() != CalendarStatus.REMOVED)
			.collect(Collectors.toMap(Calendar::href, Function.identity()));
		Set<URI> listedHrefs = listed.stream().map(RemoteCalendar::href).collect(Collectors.toSet());
		if (!present.keySet().equals(listedHrefs)) {
			return true;
		}
		return listed.stream().anyMatch((remote) -> {
			Calendar calendar = present.get(remote.href());
			return calendar.isSynced() && !calendar.unchangedSince(remote.ctag(), remote.syncToken());
		});
	}

}
