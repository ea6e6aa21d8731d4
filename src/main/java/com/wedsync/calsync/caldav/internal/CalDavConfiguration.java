package com.wedsync.calsync.caldav.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import com.wedsync.calsync.caldav.CalDavClientFactory;
import com.wedsync.calsync.caldav.CalDavProperties;
import com.wedsync.calsync.caldav.OutboundUrlPolicy;
import com.wedsync.calsync.caldav.OutboundUrlProperties;

/**
 * Provides the shared {@link CalDavClientFactory} from {@code calsync.caldav.*}, fetching
 * only what the {@link OutboundUrlPolicy} allows.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CalDavProperties.class, OutboundUrlProperties.class })
class CalDavConfiguration {

	@Bean
	OutboundUrlPolicy outboundUrlPolicy(OutboundUrlProperties properties) {
		return new OutboundUrlPolicy(properties);
	}

	@Bean
	SardineCalDavClientFactory calDavClientFactory(CalDavProperties properties, OutboundUrlPolicy urlPolicy,
			MeterRegistry meterRegistry) {
		return new SardineCalDavClientFactory(CalDavSettings.from(properties), properties.resilience(), urlPolicy,
				properties.credentialHosts(), meterRegistry);
	}

}
