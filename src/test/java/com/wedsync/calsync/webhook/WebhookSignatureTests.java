package com.wedsync.calsync.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature scheme both directions use, and the polling fallback's arithmetic. */
class WebhookSignatureTests {

	private static final byte[] BODY = "{\"deliveryId\":\"d-1\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void shouldMatchTheOpensslRecipeOfTheReadme() {
		// printf '%s' '1700000000.{"deliveryId":"d-1"}' | openssl dgst -sha256 -hmac
		// s3cret
		assertThat(WebhookSignature.sign("s3cret", 1700000000L, BODY))
			.isEqualTo("sha256=96b7cad6b5f7e3b72e75c10d4210de3bbdfd008c6670225b48a04295300bc809");
	}

	@Test
	void shouldVerifyOnlyTheSameSecretTimestampAndBody() {
		String signature = WebhookSignature.sign("s3cret", 1700000000L, BODY);

		assertThat(WebhookSignature.verify("s3cret", 1700000000L, BODY, signature)).isTrue();
		assertThat(WebhookSignature.verify("other", 1700000000L, BODY, signature)).isFalse();
		assertThat(WebhookSignature.verify("s3cret", 1700000001L, BODY, signature)).isFalse();
		assertThat(WebhookSignature.verify("s3cret", 1700000000L, "{}".getBytes(StandardCharsets.UTF_8), signature))
			.isFalse();
	}

	@Test
	void shouldRefuseMalformedSignatureHeaders() {
		assertThat(WebhookSignature.verify("s3cret", 1L, BODY, null)).isFalse();
		assertThat(WebhookSignature.verify("s3cret", 1L, BODY, "md5=abc")).isFalse();
		assertThat(WebhookSignature.verify("s3cret", 1L, BODY, "sha256=not-hex")).isFalse();
		assertThat(WebhookSignature.verify("s3cret", 1L, BODY, "sha256=")).isFalse();
	}

	@Test
	void shouldStretchThePollIntervalButNeverStopOrShortenIt() {
		assertThat(PushAwarePollInterval.stretched(300, 4, 3600)).isEqualTo(1200);
		assertThat(PushAwarePollInterval.stretched(1800, 4, 3600)).as("capped").isEqualTo(3600);
		assertThat(PushAwarePollInterval.stretched(7200, 4, 3600)).as("never shorter").isEqualTo(7200);
		assertThat(PushAwarePollInterval.stretched(300, 0, 3600)).isEqualTo(300);
	}

}
