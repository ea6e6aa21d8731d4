package com.wedsync.calsync.caldav.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import com.wedsync.calsync.caldav.CalDavClientFactory;
import com.wedsync.calsync.caldav.CalDavProperties;

/** Provides the shared {@link CalDavClientFactory} from {@code calsync.caldav.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalDavProperties.class)
class CalDavConfiguration {

	@Bean
	SardineCalDavClientFactory calDavClientFactory(CalDavProperties properties, MeterRegistry meterRegistry) {
		return new SardineCalDavClientFactory(CalDavSettings.from(properties), properties.resilience(), meterRegistry);
	}

}
