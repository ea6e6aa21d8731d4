package com.wedsync.calsync.webhook;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.wedsync.calsync.web.InvalidRequestException;

import org.springframework.stereotype.Component;

/**
 * Reads the raw body of a change notice (after its signature was checked), field by
 * field, so every mistake gets a message that names the field.
 */
@Component
class InboundDeliveryReader {

	private static final int MAX_UIDS = 1000;

	private final JsonMapper json = JsonMapper.builder().build();

	InboundDelivery read(byte[] body) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException("the body is not JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new InvalidRequestException("the body must be a JSON object");
		}
		return new InboundDelivery(text(root, "deliveryId", 200), text(root, "calendarUrl", 2000),
				text(root, "changeType", 64), uids(root.get("eventUids")));
	}

	private static String text(JsonNode root, String field, int maxLength) {
		JsonNode node = root.get(field);
		if (node == null || !node.isString() || node.asString().isBlank()) {
			throw new InvalidRequestException(field, field + " is required (a non-empty string)");
		}
		String value = node.asString().trim();
		if (value.length() > maxLength) {
			throw new InvalidRequestException(field, field + " is longer than " + maxLength + " characters");
		}
		return value;
	}

	private static List<String> uids(JsonNode node) {
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray() || node.size() > MAX_UIDS) {
			throw new InvalidRequestException("eventUids",
					"eventUids must be an array of at most " + MAX_UIDS + " strings");
		}
		List<String> uids = new ArrayList<>();
		for (JsonNode uid : node) {
			if (!uid.isString() || uid.asString().isBlank() || uid.asString().length() > 500) {
				throw new InvalidRequestException("eventUids", "eventUids must hold non-empty strings");
			}
			uids.add(uid.asString());
		}
		return uids;
	}

}
