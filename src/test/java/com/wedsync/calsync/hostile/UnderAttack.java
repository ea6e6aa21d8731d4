package com.wedsync.calsync.hostile;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

import com.wedsync.calsync.support.CalSyncApi;

/**
 * One sync against a hostile server, measured: the heap after a full collection before
 * and after it, and the slowest API answer while it ran (the API is asked without pause
 * the whole time).
 */
final class UnderAttack {

	/**
	 * What the issue allows: the heap back within 50 MB, the API answering within 1 s.
	 */
	static final long HEAP_SLACK_BYTES = 50L * 1024 * 1024;

	static final Duration API_BOUND = Duration.ofSeconds(1);

	private UnderAttack() {
	}

	/**
	 * @param tenant the integration's tenant: the API is asked with its token, which
	 * costs a hash lookup, not the admin's bcrypt check, so what is measured is the
	 * service
	 */
	static Outcome sync(CalSyncApi api, String tenant, UUID integration) {
		CalSyncApi asTenant = api.withToken(api.issueTenantToken(tenant));
		long heapBefore = heapAfterFullCollection();
		AtomicLong slowestNanos = new AtomicLong();
		AtomicBoolean attacking = new AtomicBoolean(true);
		Thread prober = new Thread(() -> {
			while (attacking.get()) {
				long start = System.nanoTime();
				asTenant.get("/api/integrations/" + integration).expect(200);
				slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
			}
		}, "api-prober");
		prober.start();
		JsonNode sync;
		try {
			sync = api.syncAndWait(integration);
		}
		finally {
			attacking.set(false);
			join(prober);
		}
		return new Outcome(sync, heapAfterFullCollection() - heapBefore, Duration.ofNanos(slowestNanos.get()));
	}

	private static long heapAfterFullCollection() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Outcome(JsonNode sync, long heapGrowthBytes, Duration slowestApiAnswer) {

		String figures() {
			return "heap %+d MB after a full collection, slowest API answer %d ms"
				.formatted(this.heapGrowthBytes / (1024 * 1024), this.slowestApiAnswer.toMillis());
		}

	}

}
