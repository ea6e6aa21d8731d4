// A minimal STOMP 1.2 client over a plain WebSocket: CONNECT, SUBSCRIBE, MESSAGE, ERROR.
// Frames are text: a command line, header lines, a blank line, the body, a NUL byte.
"use strict";

class StompClient {
	constructor(url, headers) {
		this.url = url;
		this.headers = headers;
		this.subscriptions = new Map();
		this.nextId = 0;
		this.buffer = "";
		this.onconnect = () => {};
		this.onerror = () => {};
		this.onclose = () => {};
	}

	connect() {
		this.socket = new WebSocket(this.url);
		this.socket.onopen = () => this.send("CONNECT", Object.assign({ "accept-version": "1.2", host: location.host, "heart-beat": "0,0" }, this.headers));
		this.socket.onmessage = (event) => this.receive(event.data);
		this.socket.onclose = (event) => this.onclose(event);
	}

	subscribe(destination, callback) {
		const id = "sub-" + this.nextId++;
		this.subscriptions.set(id, callback);
		this.send("SUBSCRIBE", { id: id, destination: destination, ack: "auto" });
		return id;
	}

	disconnect() {
		if (this.socket) {
			this.socket.onclose = () => {};
			this.socket.close();
		}
	}

	send(command, headers, body) {
		// STOMP 1.2 escapes header values in every frame but CONNECT.
		const escape = command === "CONNECT" ? (value) => value : escapeHeader;
		let frame = command + "\n";
		for (const [name, value] of Object.entries(headers)) {
			frame += escape(name) + ":" + escape(String(value)) + "\n";
		}
		this.socket.send(frame + "\n" + (body || "") + "\0");
	}

	receive(data) {
		this.buffer += data;
		let end;
		while ((end = this.buffer.indexOf("\0")) >= 0) {
			const frame = this.buffer.substring(0, end);
			this.buffer = this.buffer.substring(end + 1);
			this.dispatch(frame.replace(/^[\r\n]+/, "")); // heart-beats are bare newlines
		}
	}

	dispatch(text) {
		if (!text) {
			return;
		}
		const split = text.indexOf("\n\n");
		const head = (split >= 0 ? text.substring(0, split) : text).split("\n").map((line) => line.replace(/\r$/, ""));
		const body = split >= 0 ? text.substring(split + 2) : "";
		const headers = {};
		for (const line of head.slice(1)) {
			const colon = line.indexOf(":");
			const name = unescapeHeader(line.substring(0, colon));
			if (!(name in headers)) { // STOMP 1.2: the first occurrence wins
				headers[name] = unescapeHeader(line.substring(colon + 1));
			}
		}
		switch (head[0]) {
			case "CONNECTED":
				this.onconnect(headers);
				break;
			case "MESSAGE": {
				const callback = this.subscriptions.get(headers.subscription);
				if (callback) {
					callback(body, headers);
				}
				break;
			}
			case "ERROR":
				this.onerror(headers.message || body);
				break;
		}
	}
}

function escapeHeader(value) {
	return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/:/g, "\\c");
}

function unescapeHeader(value) {
	return value.replace(/\\(.)/g, (match, c) => ({ n: "\n", r: "\r", c: ":", "\\": "\\" })[c] || match);
}
