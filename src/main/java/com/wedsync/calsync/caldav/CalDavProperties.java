package com.wedsync.calsync.caldav;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code calsync.caldav.*}: connection settings shared by every CalDAV session. */
@ConfigurationProperties("calsync.caldav")
public record CalDavProperties(@DefaultValue("50") int multigetBatchSize, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("60s") Duration readTimeout) {
}
