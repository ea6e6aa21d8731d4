package com.wedsync.calsync.caldav;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * CalDAV client settings ({@code calsync.caldav.*}).
 *
 * @param multigetBatchSize hrefs per calendar-multiget REPORT
 * @param connectTimeout TCP connect timeout
 * @param readTimeout socket read timeout
 * @param maxResponseSize largest response body read; a bigger one fails the request
 */
@ConfigurationProperties("calsync.caldav")
public record CalDavProperties(@DefaultValue("50") int multigetBatchSize, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("60s") Duration readTimeout, @DefaultValue("32MB") DataSize maxResponseSize) {

}
