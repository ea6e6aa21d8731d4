package com.wedsync.calsync.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** Token buckets per tenant for sync requests and per address for webhooks. */
class RequestRateLimitFilterTests {

	private final RequestRateLimitFilter filter = new RequestRateLimitFilter(60, 3);

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldAnswer429WithRetryAfterOnceATenantsBurstIsSpent() throws Exception {
		SecurityContextHolder.getContext().setAuthentication(new TenantAuthentication("acme"));
		for (int i = 0; i < 3; i++) {
			assertThat(syncRequest().getStatus()).isEqualTo(200);
		}

		MockHttpServletResponse refused = syncRequest();

		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getContentType()).isEqualTo("application/problem+json");
		assertThat(refused.getContentAsString()).contains("\"status\":429");
		// another tenant has its own bucket
		SecurityContextHolder.getContext().setAuthentication(new TenantAuthentication("other"));
		assertThat(syncRequest().getStatus()).isEqualTo(200);
	}

	@Test
	void shouldLimitWebhooksPerClientAddressAndLeaveOtherEndpointsAlone() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(request("POST", "/api/webhooks/caldav/x", "203.0.113.9").getStatus()).isEqualTo(200);
		}
		assertThat(request("POST", "/api/webhooks/caldav/x", "203.0.113.9").getStatus()).isEqualTo(429);
		assertThat(request("POST", "/api/webhooks/caldav/x", "203.0.113.10").getStatus()).isEqualTo(200);
		for (int i = 0; i < 10; i++) {
			assertThat(request("POST", "/api/weddings", "203.0.113.9").getStatus()).isEqualTo(200);
		}
	}

	private MockHttpServletResponse syncRequest() throws Exception {
		return request("POST", "/api/integrations/6a1c4a4e-0000-4000-8000-000000000001/syncs", "198.51.100.1");
	}

	private MockHttpServletResponse request(String method, String uri, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
