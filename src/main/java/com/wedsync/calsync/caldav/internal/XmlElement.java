package com.wedsync.calsync.caldav.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.namespace.QName;

/**
 * An element of a parsed response body. DAV answers are small trees whose children come
 * in any order (Xandikos puts the sync-token last), so they are read whole, then queried.
 */
record XmlElement(QName name, Map<String, String> attributes, String text, List<XmlElement> children) {

	/**
	 * QName equality ignores prefixes: servers pick their own ({@code ns0:}, {@code d:}).
	 */
	boolean is(QName other) {
		return this.name.equals(other);
	}

	Optional<XmlElement> child(QName childName) {
		return this.children.stream().filter((c) -> c.is(childName)).findFirst();
	}

	List<XmlElement> children(QName childName) {
		return this.children.stream().filter((c) -> c.is(childName)).toList();
	}

	String childText(QName childName) {
		return child(childName).map(XmlElement::trimmedText).orElse(null);
	}

	String trimmedText() {
		return this.text.strip();
	}

	/** Every element below this one, depth first. */
	List<XmlElement> descendants() {
		List<XmlElement> all = new ArrayList<>();
		for (XmlElement c : this.children) {
			all.add(c);
			all.addAll(c.descendants());
		}
		return all;
	}

	boolean hasDescendant(QName descendantName) {
		return descendants().stream().anyMatch((d) -> d.is(descendantName));
	}

}
