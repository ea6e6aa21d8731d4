package com.wedsync.calsync.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.quartz.Scheduler;

import com.wedsync.calsync.integration.IntegrationRepository;
import com.wedsync.calsync.scheduling.IntegrationSchedule;

import org.springframework.context.ApplicationContext;

/**
 * Scenario 5: the scheduler capacity of one node, then of two, of one Quartz cluster on
 * one PostgreSQL. Each node is calsync in a JVM of its own, capped at a share of a core
 * ({@link CpuQuota}) as a small machine of its own would be, so a second node brings CPU
 * of its own; the benchmark JVM's scheduler stands by. Every integration is due more
 * often than the nodes can poll, so the measured rate is the nodes' throughput; a poll is
 * one PROPFIND, counted by the endpoint.
 */
final class ClusterCapacity {

	private final ApplicationContext context;

	private final FastCalDavEndpoint endpoint;

	private final String databaseUrl;

	ClusterCapacity(ApplicationContext context, FastCalDavEndpoint endpoint, String databaseUrl) {
		this.context = context;
		this.endpoint = endpoint;
		this.databaseUrl = databaseUrl;
	}

	/**
	 * Polls per second of 1 to {@code maxNodes} nodes of {@code cpus} cores each (one
	 * more joins per measurement), each over {@code window} once the polls have flowed
	 * for {@code warmUp}.
	 */
	List<Result> measure(List<UUID> integrations, int intervalSeconds, Duration warmUp, Duration window, int maxNodes,
			double cpus) throws Exception {
		Scheduler scheduler = this.context.getBean(Scheduler.class);
		scheduler.standby();
		List<ForkedNode> nodes = new ArrayList<>();
		List<Result> results = new ArrayList<>();
		try {
			for (int n = 1; n <= maxNodes; n++) {
				// A node joins an idle cluster: starting, it follows every integration's
				// trigger, which under a saturated cluster's lock takes minutes.
				pollEvery(integrations, 86400);
				nodes.add(new ForkedNode("capacity-node-" + n, "512m", this.databaseUrl,
						List.of("--calsync.caldav.resilience.host-requests-per-second=100000"), cpus));
				pollEvery(integrations, intervalSeconds);
				// The first polls come one interval in. On half a core a node compiles
				// its
				// polling code for a minute or so: measured before that, one node looked
				// slower than it is and the second's arrival more than doubled the rate.
				Thread.sleep(Duration.ofSeconds(intervalSeconds).plus(warmUp).toMillis());
				CountingProxy.Snapshot before = this.endpoint.snapshot();
				long started = System.nanoTime();
				Thread.sleep(window.toMillis());
				CountingProxy.Snapshot polls = this.endpoint.snapshot().minus(before);
				long millis = (System.nanoTime() - started) / 1_000_000;
				ForkedNode first = nodes.get(0);
				results.add(new Result(n, polls.requests() * 1000.0 / millis, millis, polls, first.heapPeakMb(),
						first.rssPeakMb(), first.cpuCapped()));
			}
		}
		finally {
			for (ForkedNode node : nodes) {
				node.close();
			}
			pollEvery(integrations, 86400);
			scheduler.start();
		}
		return results;
	}

	private void pollEvery(List<UUID> integrations, int seconds) {
		IntegrationRepository repository = this.context.getBean(IntegrationRepository.class);
		IntegrationSchedule schedule = this.context.getBean(IntegrationSchedule.class);
		for (UUID id : integrations) {
			repository.updatePollInterval(id, seconds);
			schedule.follow(repository.find(id).orElseThrow());
		}
	}

	/**
	 * One measurement.
	 *
	 * @param heapMb peak heap of the first node
	 * @param rssMb peak RSS of the first node
	 * @param capped whether the nodes' CPU could be capped (else they share the machine)
	 */
	record Result(int nodes, double pollsPerSecond, long millis, CountingProxy.Snapshot polls, long heapMb, long rssMb,
			boolean capped) {

	}

}
