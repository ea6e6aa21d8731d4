package com.wedsync.calsync.scheduling;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.wedsync.calsync.integration.IntegrationRepository;

import org.springframework.context.ApplicationContext;

/**
 * Runs the change probe of many integrations, as their polls would, on a few threads: for
 * benchmarks of the no-change poll, which must cost one request per integration.
 */
public final class ProbeRunner {

	private ProbeRunner() {
	}

	/** Probes every integration once; counts the outcomes. */
	public static Map<ProbeOutcome, Integer> probeAll(ApplicationContext context, List<UUID> integrationIds,
			int threads) throws Exception {
		ChangeProbe probe = context.getBean(ChangeProbe.class);
		IntegrationRepository integrations = context.getBean(IntegrationRepository.class);
		Map<ProbeOutcome, Integer> outcomes = new EnumMap<>(ProbeOutcome.class);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<ProbeOutcome>> results = integrationIds.stream()
				.map((id) -> pool.submit(() -> probe.probe(integrations.find(id).orElseThrow())))
				.toList();
			for (Future<ProbeOutcome> result : results) {
				outcomes.merge(result.get(), 1, Integer::sum);
			}
		}
		finally {
			pool.shutdown();
		}
		return outcomes;
	}

}
