package com.wedsync.calsync.testpeers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A CalDAV host that stopped answering, as a process under SIGSTOP looks from outside:
 * connections are accepted (the kernel does it) and then nothing comes back, ever. Counts
 * the connections open at once.
 */
public final class HungHost implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger mostOpen = new AtomicInteger();

	private final AtomicInteger accepted = new AtomicInteger();

	public HungHost() throws IOException {
		this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "hung-host");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort() + "/");
	}

	/** The most connections that were open at the same time. */
	public int mostOpenAtOnce() {
		return this.mostOpen.get();
	}

	public int accepted() {
		return this.accepted.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.accepted.incrementAndGet();
				this.held.add(socket);
				this.mostOpen.accumulateAndGet(this.open.incrementAndGet(), Math::max);
				Thread watcher = new Thread(() -> waitForClose(socket), "hung-host-connection");
				watcher.setDaemon(true);
				watcher.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	// Reads (and ignores) the request until the client gives up and closes.
	private void waitForClose(Socket socket) {
		try {
			byte[] sink = new byte[8192];
			while (socket.getInputStream().read(sink) != -1) {
				// never answered
			}
		}
		catch (IOException ex) {
			// closed by us or reset by the client
		}
		finally {
			this.open.decrementAndGet();
			this.held.remove(socket);
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.held) {
			socket.close();
		}
	}

}
