package com.wedsync.calsync.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The calendar objects of {@code src/test/resources/fidelity/}: each file an object as a
 * client (Apple Calendar, Google, Thunderbird, Evolution) writes it, and the same object
 * after an edit a person made in that client, as the client writes it.
 * <p>
 * A file is {@code #} comment lines, then sections headed {@code === initial <name>} or
 * {@code === edited <name>}, each one calendar object resource named {@code <name>}. An
 * edit may add resources (iOS's "this and future" keeps the old UID, cut with UNTIL, and
 * puts the rest under a new one).
 */
public final class FidelityCorpus {

	private static final Pattern HEADER = Pattern.compile("^=== (initial|edited) (\\S+)\\s*$");

	private static final Pattern UID = Pattern.compile("(?m)^UID:(.+?)\\r?$");

	private FidelityCorpus() {
	}

	/** Every item, in file name order. */
	public static List<Item> load() {
		URL folder = FidelityCorpus.class.getResource("/fidelity");
		if (folder == null) {
			throw new IllegalStateException("no fidelity corpus on the test class path");
		}
		try (Stream<Path> files = Files.list(Paths.get(folder.toURI()))) {
			List<Item> items = new ArrayList<>();
			for (Path file : files.filter((f) -> f.toString().endsWith(".txt")).sorted().toList()) {
				items.add(read(file));
			}
			return items;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Item read(Path file) throws IOException {
		String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
		StringBuilder comment = new StringBuilder();
		Map<String, String> initial = new LinkedHashMap<>();
		Map<String, String> edited = new LinkedHashMap<>();
		Map<String, String> section = null;
		String resource = null;
		StringBuilder body = new StringBuilder();
		try (InputStream in = Files.newInputStream(file)) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\r?\\n")) {
				Matcher header = HEADER.matcher(line);
				if (header.matches()) {
					if (section != null) {
						section.put(resource, body.toString());
					}
					section = header.group(1).equals("initial") ? initial : edited;
					resource = header.group(2);
					body = new StringBuilder();
				}
				else if (section == null) {
					comment.append(line.replaceFirst("^#\\s?", "")).append(' ');
				}
				else if (!line.isBlank()) {
					body.append(line).append("\r\n");
				}
			}
		}
		if (section == null || initial.isEmpty()) {
			throw new IllegalStateException(file + " has no '=== initial <name>' section");
		}
		section.put(resource, body.toString());
		return new Item(name, comment.toString().strip(), initial, edited);
	}

	/** The UID of a calendar object resource. */
	public static String uidOf(String icalendar) {
		Matcher uid = UID.matcher(icalendar);
		if (!uid.find()) {
			throw new IllegalArgumentException("no UID in\n" + icalendar);
		}
		return uid.group(1).strip();
	}

	/**
	 * One object and its edit.
	 *
	 * @param initial resource name to body, as first written
	 * @param edited resource name to body, what the edit wrote (resources it did not
	 * touch are as in {@code initial})
	 */
	public record Item(String name, String comment, Map<String, String> initial, Map<String, String> edited) {

		/** What the calendar holds after the edit. */
		public Map<String, String> afterEdit() {
			Map<String, String> after = new LinkedHashMap<>(this.initial);
			after.putAll(this.edited);
			return after;
		}

		/** Whether the item holds events (not a task or a note). */
		public boolean isEvent() {
			return this.initial.values().stream().anyMatch((ics) -> ics.contains("BEGIN:VEVENT"));
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
