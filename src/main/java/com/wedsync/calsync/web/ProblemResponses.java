package com.wedsync.calsync.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Problem details written by servlet filters, which answer before Spring MVC's exception
 * handling is reached.
 */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	public static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		String body = "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status.value()
				+ ",\"detail\":\"" + escape(detail) + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	/** The request with a body that fails once more than {@code maxBytes} are read. */
	static HttpServletRequest boundedRequest(HttpServletRequest request, long maxBytes) {
		return new HttpServletRequestWrapper(request) {

			@Override
			public ServletInputStream getInputStream() throws IOException {
				ServletInputStream in = super.getInputStream();
				return new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b != -1 && ++this.read > maxBytes) {
							throw new IOException("request body larger than " + maxBytes + " bytes");
						}
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						if (n > 0 && (this.read += n) > maxBytes) {
							throw new IOException("request body larger than " + maxBytes + " bytes");
						}
						return n;
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}

		};
	}

}
