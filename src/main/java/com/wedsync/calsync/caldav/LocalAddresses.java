package com.wedsync.calsync.caldav;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The addresses of this machine's network interfaces, up or down. A server URL naming one
 * of them reaches calsync's own host (its actuator, a sidecar, a database bound to the
 * public interface) even when the address itself is public. Enumerated again at most
 * every {@link #REFRESH_NANOS} so an address the host gains later (DHCP, a new interface)
 * is refused too without enumerating on every request.
 */
final class LocalAddresses implements Supplier<Set<InetAddress>> {

	private static final long REFRESH_NANOS = 30_000_000_000L;

	private volatile Set<InetAddress> addresses = Set.of();

	private volatile long readAt;

	private volatile boolean read;

	@Override
	public Set<InetAddress> get() {
		long now = System.nanoTime();
		if (!this.read || now - this.readAt > REFRESH_NANOS) {
			refresh(now);
		}
		return this.addresses;
	}

	private synchronized void refresh(long now) {
		if (this.read && now - this.readAt <= REFRESH_NANOS) {
			return;
		}
		try {
			Set<InetAddress> found = new HashSet<>();
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				for (InetAddress address : Collections.list(nic.getInetAddresses())) {
					// Without the scope id: fe80::1%eth0 is the fe80::1 a URL names.
					found.add(InetAddress.getByAddress(address.getAddress()));
				}
			}
			this.addresses = Set.copyOf(found);
		}
		catch (SocketException | java.net.UnknownHostException ex) {
			// Keep what was known: loopback and private ranges are refused by range
			// anyway.
		}
		this.readAt = now;
		this.read = true;
	}

}
