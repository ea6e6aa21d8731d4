package com.wedsync.calsync.caldav.internal;

import java.time.Duration;

import org.springframework.util.Assert;

import com.wedsync.calsync.caldav.CalDavProperties;

/**
 * Connection and protocol limits shared by every session of a factory.
 *
 * @param multigetBatchSize hrefs per calendar-multiget REPORT
 * @param connectTimeout TCP connect timeout
 * @param readTimeout socket read timeout
 * @param responseTimeout longest time for a whole request and its answer
 * @param maxResponseBytes larger bodies fail the request instead of filling the heap
 * @param maxXmlDepth deeper XML is refused; a multistatus needs about eight levels
 */
public record CalDavSettings(int multigetBatchSize, Duration connectTimeout, Duration readTimeout,
		long maxResponseBytes, int maxXmlDepth, Duration responseTimeout) {

	private static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(120);

	public CalDavSettings {
		Assert.isTrue(multigetBatchSize > 0, "multigetBatchSize must be positive");
		Assert.notNull(connectTimeout, "connectTimeout must not be null");
		Assert.notNull(readTimeout, "readTimeout must not be null");
		Assert.isTrue(maxResponseBytes > 0, "maxResponseBytes must be positive");
		Assert.isTrue(maxXmlDepth > 0, "maxXmlDepth must be positive");
		Assert.isTrue(responseTimeout != null && !responseTimeout.isNegative() && !responseTimeout.isZero(),
				"responseTimeout must be positive");
	}

	public CalDavSettings(int multigetBatchSize, Duration connectTimeout, Duration readTimeout, long maxResponseBytes,
			int maxXmlDepth) {
		this(multigetBatchSize, connectTimeout, readTimeout, maxResponseBytes, maxXmlDepth, DEFAULT_RESPONSE_TIMEOUT);
	}

	public static CalDavSettings defaults() {
		return new CalDavSettings(50, Duration.ofSeconds(10), Duration.ofSeconds(60), 32L * 1024 * 1024, 32);
	}

	public static CalDavSettings from(CalDavProperties properties) {
		return new CalDavSettings(properties.multigetBatchSize(), properties.connectTimeout(), properties.readTimeout(),
				properties.maxResponseSize().toBytes(), 32, properties.responseTimeout());
	}

	public CalDavSettings withMultigetBatchSize(int batchSize) {
		return new CalDavSettings(batchSize, this.connectTimeout, this.readTimeout, this.maxResponseBytes,
				this.maxXmlDepth, this.responseTimeout);
	}

}
