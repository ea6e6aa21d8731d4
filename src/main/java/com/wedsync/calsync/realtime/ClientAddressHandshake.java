package com.wedsync.calsync.realtime;

import java.util.Map;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Keeps the connection's client address in the WebSocket session, where the STOMP CONNECT
 * check finds it for the login throttle. The servlet's {@code getRemoteAddr()}, as on the
 * REST API, so both count the same key; no forwarding header is trusted.
 */
final class ClientAddressHandshake implements HandshakeInterceptor {

	static final String ATTRIBUTE = ClientAddressHandshake.class.getName() + ".address";

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (request instanceof ServletServerHttpRequest servlet) {
			attributes.put(ATTRIBUTE, servlet.getServletRequest().getRemoteAddr());
		}
		else if (request.getRemoteAddress() != null && request.getRemoteAddress().getAddress() != null) {
			attributes.put(ATTRIBUTE, request.getRemoteAddress().getAddress().getHostAddress());
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

	/**
	 * The address kept at the handshake; "unknown" (one shared key) if there was none.
	 */
	static String of(Map<String, Object> attributes) {
		Object address = (attributes != null) ? attributes.get(ATTRIBUTE) : null;
		return (address != null) ? address.toString() : "unknown";
	}

}
