package com.wedsync.calsync.sync.plan;

import java.util.EnumMap;
import java.util.Map;

import com.wedsync.calsync.ical.EventKind;
import org.jspecify.annotations.Nullable;

/**
 * The conflict policy as configured under {@code calsync.sync}: bind this record with
 * {@code @ConfigurationProperties("calsync.sync")}. Kinds not configured keep their
 * defaults (see {@link ConflictPolicy#defaults()}).
 *
 * @param policy the configured policies by kind, or {@code null} when none is
 */
public record ConflictPolicyProperties(@Nullable Map<EventKind, KindPolicyProperties> policy) {

	public ConflictPolicy toPolicy() {
		Map<EventKind, KindPolicy> byKind = new EnumMap<>(EventKind.class);
		if (this.policy != null) {
			this.policy
				.forEach((kind, properties) -> byKind.put(kind, properties.toPolicy(ConflictPolicy.defaultFor(kind))));
		}
		return ConflictPolicy.of(byKind);
	}

}
