package com.wedsync.calsync.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A CPU cap for one process through a cgroup of its own (the v1 {@code cpu} controller,
 * or {@code cpu.max} under cgroup v2), so that nodes forked on one machine each get the
 * CPU of a small machine of their own: a second node then adds CPU, as a second machine
 * would, instead of sharing the cores the first one had.
 */
final class CpuQuota implements AutoCloseable {

	private static final long PERIOD_MICROS = 100_000;

	private final Path group;

	private CpuQuota(Path group) {
		this.group = group;
	}

	/**
	 * Moves {@code pid} (all its threads) into a new cgroup capped at {@code cores}.
	 * @return the cap, or empty where no cgroup can be made (not root, no cpu controller)
	 */
	static Optional<CpuQuota> limit(long pid, String name, double cores) {
		long quota = Math.round(cores * PERIOD_MICROS);
		try {
			Path v1 = Path.of("/sys/fs/cgroup/cpu");
			if (Files.isWritable(v1.resolve("cgroup.procs"))) {
				Path group = Files.createDirectories(v1.resolve(name));
				Files.writeString(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
				Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
				Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
				return Optional.of(new CpuQuota(group));
			}
			Path v2 = Path.of("/sys/fs/cgroup");
			if (Files.isReadable(v2.resolve("cgroup.controllers"))
					&& Files.readString(v2.resolve("cgroup.controllers")).contains("cpu")) {
				Files.writeString(v2.resolve("cgroup.subtree_control"), "+cpu");
				Path group = Files.createDirectories(v2.resolve(name));
				Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_MICROS);
				Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
				return Optional.of(new CpuQuota(group));
			}
		}
		catch (IOException ex) {
			System.out.println("[bench] no CPU cap for " + name + ": " + ex.getMessage());
		}
		return Optional.empty();
	}

	/** Removes the group; its process must have exited. */
	@Override
	public void close() {
		try {
			Files.deleteIfExists(this.group);
		}
		catch (IOException ex) {
			System.out.println("[bench] cgroup " + this.group + " left behind: " + ex.getMessage());
		}
	}

}
