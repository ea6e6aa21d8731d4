package com.wedsync.calsync.realtime;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The status page: static files under {@code /status/}, shown at {@code /status}; the
 * service's root leads there.
 */
@Configuration(proxyBeanMethods = false)
class StatusPageConfiguration implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/", "/status");
		registry.addViewController("/status").setViewName("forward:/status/index.html");
	}

}
