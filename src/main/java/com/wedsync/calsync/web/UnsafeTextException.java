package com.wedsync.calsync.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON string holding a character no calendar can carry ({@link CalendarSafeText}). The
 * message names the character, never the text.
 */
class UnsafeTextException extends InvalidFormatException {

	private final String character;

	UnsafeTextException(JsonParser parser, String character) {
		super(parser, "text holds " + character + ", which calendars cannot carry", null, String.class);
		this.character = character;
	}

	String character() {
		return this.character;
	}

}
