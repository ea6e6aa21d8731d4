package com.wedsync.calsync.wedding;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.wedsync.calsync.ical.EventFields;
import com.wedsync.calsync.ical.EventTiming;
import com.wedsync.calsync.sync.outbox.SyncOutbox;

import org.springframework.stereotype.Component;

/**
 * Moves the events anchored to one that moved, by the same amount, in the caller's
 * transaction: "vendor arrival 2 h before the ceremony" moves with the ceremony. Chains
 * (an event anchored to an anchored event) move too; each event at most once.
 */
@Component
class AnchoredEventMover {

	private final WeddingEventRepository events;

	private final EventRenderer renderer;

	private final SyncOutbox outbox;

	AnchoredEventMover(WeddingEventRepository events, EventRenderer renderer, SyncOutbox outbox) {
		this.events = events;
		this.renderer = renderer;
		this.outbox = outbox;
	}

	/**
	 * @return how many events moved
	 */
	int moveFollowers(UUID movedEventId, Duration delta) {
		if (delta.isZero()) {
			return 0;
		}
		Set<UUID> moved = new HashSet<>();
		moved.add(movedEventId);
		return moveFollowers(movedEventId, delta, moved);
	}

	private int moveFollowers(UUID anchorId, Duration delta, Set<UUID> moved) {
		int count = 0;
		for (WeddingEvent follower : this.events.findAnchoredTo(anchorId)) {
			if (!moved.add(follower.id())) {
				continue;
			}
			WeddingEvent locked = this.events.lockForUpdate(follower.id()).orElseThrow();
			EventFields current = this.renderer.currentFields(locked);
			EventTiming t = current.timing();
			EventTiming shifted = new EventTiming(t.start().plus(delta), t.end().plus(delta), t.timeZone(), t.allDay(),
					t.floating());
			EventTimeInput.requireSupportedYear("start", shifted.start());
			EventTimeInput.requireSupportedYear("end", shifted.end());
			EventFields fields = current.toBuilder().timing(shifted).build();
			EventRenderer.Rendered rendered = this.renderer.renderOver(locked, fields);
			this.events.updateFields(locked.id(), fields, rendered.ics(), rendered.contentHash());
			this.outbox.markDirty(locked.id());
			count += 1 + moveFollowers(locked.id(), delta, moved);
		}
		return count;
	}

}
