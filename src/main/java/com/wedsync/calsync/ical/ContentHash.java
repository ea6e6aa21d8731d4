package com.wedsync.calsync.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The normalised content hash of a calendar object (a change is an etag change
 * <em>and</em> a content hash change). Servers rewrite DTSTAMP, PRODID, LAST-MODIFIED and
 * CREATED, refold lines and reorder properties and components without any change a person
 * made; none of that changes the hash.
 * <p>
 * Works on the text alone, without building the ical4j model, so the sync engine can hash
 * what it is about to write as cheaply as what it read.
 */
public final class ContentHash {

	private static final Set<String> IGNORED_PROPERTIES = Set.of("DTSTAMP", "PRODID", "LAST-MODIFIED", "CREATED");

	private ContentHash() {
	}

	/**
	 * @param icalendar iCalendar text, in any line folding and line ending
	 * @return lower-case hex SHA-256 of the normalised text
	 */
	public static String of(String icalendar) {
		return sha256(normalise(icalendar));
	}

	/**
	 * The canonical text that is hashed: unfolded, ignored properties dropped, properties
	 * and sub-components of every component sorted, CRLF line endings.
	 */
	static String normalise(String icalendar) {
		Node root = new Node("");
		List<Node> open = new ArrayList<>();
		open.add(root);
		for (String line : unfold(icalendar)) {
			String name = nameOf(line);
			Node current = open.get(open.size() - 1);
			if (name.equals("BEGIN")) {
				Node child = new Node(line.toUpperCase(Locale.ROOT));
				current.children.add(child);
				open.add(child);
			}
			else if (name.equals("END")) {
				// an unbalanced END is kept as a line so it still counts as content
				if (open.size() > 1) {
					open.remove(open.size() - 1);
				}
				else {
					current.lines.add(line);
				}
			}
			else if (!IGNORED_PROPERTIES.contains(name)) {
				current.lines.add(line);
			}
		}
		return root.canonical();
	}

	/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
	static List<String> unfold(String icalendar) {
		String[] physical = icalendar.replace("\r\n", "\n").replace('\r', '\n').split("\n");
		List<String> lines = new ArrayList<>();
		StringBuilder current = null;
		for (String line : physical) {
			if (current != null && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
				current.append(line, 1, line.length());
				continue;
			}
			if (current != null && !current.toString().isBlank()) {
				lines.add(current.toString().strip());
			}
			current = new StringBuilder(line);
		}
		if (current != null && !current.toString().isBlank()) {
			lines.add(current.toString().strip());
		}
		return lines;
	}

	/** The property name: the text before the first ';' or ':', upper-cased. */
	static String nameOf(String line) {
		int end = 0;
		while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
			end++;
		}
		return line.substring(0, end).strip().toUpperCase(Locale.ROOT);
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	/** A component: its own property lines and its sub-components. */
	private static final class Node {

		private final String begin;

		private final List<String> lines = new ArrayList<>();

		private final List<Node> children = new ArrayList<>();

		Node(String begin) {
			this.begin = begin;
		}

		/**
		 * Children are sorted by their own canonical text: a stable key that does not
		 * depend on the order a server happened to write masters, overrides and
		 * VTIMEZONEs in.
		 */
		private String canonical() {
			StringBuilder out = new StringBuilder();
			if (!this.begin.isEmpty()) {
				out.append(this.begin).append("\r\n");
			}
			this.lines.stream().sorted().forEach((line) -> out.append(line).append("\r\n"));
			this.children.stream().map(Node::canonical).sorted().forEach(out::append);
			if (!this.begin.isEmpty()) {
				out.append("END").append(this.begin.substring("BEGIN".length())).append("\r\n");
			}
			return out.toString();
		}

	}

}
