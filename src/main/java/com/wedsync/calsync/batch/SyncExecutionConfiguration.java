package com.wedsync.calsync.batch;

import com.wedsync.calsync.sync.pull.MassDeleteGuard;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads syncs run on: a bounded pool, drained on shutdown. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SyncJobProperties.class, MassDeleteGuard.class })
class SyncExecutionConfiguration {

	/**
	 * On shutdown running syncs get up to 30 s to finish. The executor depends on what
	 * syncs use (the CalDAV connection pool, the database), so it is closed before them:
	 * a sync finishing during shutdown still has its connections.
	 */
	@Bean
	@DependsOn({ "calDavClientFactory", "dataSource" })
	ThreadPoolTaskExecutor syncTaskExecutor(SyncJobProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("sync-");
		executor.setCorePoolSize(properties.maxConcurrentSyncs());
		executor.setMaxPoolSize(properties.maxConcurrentSyncs());
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(30);
		return executor;
	}

}
