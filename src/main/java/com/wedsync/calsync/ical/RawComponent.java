package com.wedsync.calsync.ical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A component as unfolded text lines, so that what the platform does not model is written
 * back exactly as the calendar sent it, parameters included, rather than as ical4j would
 * re-serialise it.
 *
 * @param name the component name, upper case ({@code VEVENT})
 * @param lines the property lines, unfolded, in their order
 * @param children the sub-components, in their order
 */
record RawComponent(String name, List<String> lines, List<RawComponent> children) {

	RawComponent {
		lines = List.copyOf(lines);
		children = List.copyOf(children);
	}

	/** The first top-level component of the text, usually the VCALENDAR. */
	static RawComponent parse(String icalendar) {
		List<List<String>> openLines = new ArrayList<>();
		List<List<RawComponent>> openChildren = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<RawComponent> roots = new ArrayList<>();
		for (String line : unfold(icalendar)) {
			String property = nameOf(line);
			if (property.equals("BEGIN")) {
				names.add(valueOf(line).strip().toUpperCase(Locale.ROOT));
				openLines.add(new ArrayList<>());
				openChildren.add(new ArrayList<>());
			}
			else if (property.equals("END") && !names.isEmpty()) {
				int last = names.size() - 1;
				RawComponent done = new RawComponent(names.remove(last), openLines.remove(last),
						openChildren.remove(last));
				(openChildren.isEmpty() ? roots : openChildren.get(last - 1)).add(done);
			}
			else if (!names.isEmpty()) {
				openLines.get(names.size() - 1).add(line);
			}
		}
		return roots.isEmpty() ? new RawComponent("VCALENDAR", List.of(), List.of()) : roots.get(0);
	}

	/**
	 * §3.1 unfolding. Unlike {@link ContentHash#unfold}, trailing blanks of a value are
	 * kept: they are content.
	 */
	private static List<String> unfold(String icalendar) {
		List<String> lines = new ArrayList<>();
		for (String physical : icalendar.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
			boolean continuation = !physical.isEmpty() && (physical.charAt(0) == ' ' || physical.charAt(0) == '\t');
			if (continuation && !lines.isEmpty()) {
				lines.set(lines.size() - 1, lines.get(lines.size() - 1) + physical.substring(1));
			}
			else if (!physical.isBlank()) {
				lines.add(physical);
			}
		}
		return lines;
	}

	List<RawComponent> children(String componentName) {
		return this.children.stream().filter((child) -> child.name.equals(componentName)).toList();
	}

	Optional<String> line(String propertyName) {
		return this.lines.stream().filter((line) -> nameOf(line).equals(propertyName)).findFirst();
	}

	List<String> linesExcept(Set<String> propertyNames) {
		return this.lines.stream().filter((line) -> !propertyNames.contains(nameOf(line))).toList();
	}

	void writeTo(ContentLines out) {
		out.line("BEGIN:" + this.name);
		this.lines.forEach(out::line);
		this.children.forEach((child) -> child.writeTo(out));
		out.line("END:" + this.name);
	}

	/** The property name, upper case. */
	static String nameOf(String line) {
		return ContentHash.nameOf(line);
	}

	/** The value: the text after the first colon outside a quoted parameter value. */
	static String valueOf(String line) {
		int colon = valueColon(line);
		return (colon < 0) ? "" : line.substring(colon + 1);
	}

	/** A parameter value without its quotes, or empty. */
	static Optional<String> parameter(String line, String parameterName) {
		int end = valueColon(line);
		String head = (end < 0) ? line : line.substring(0, end);
		for (String part : head.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
			int equals = part.indexOf('=');
			if (equals > 0 && part.substring(0, equals).strip().equalsIgnoreCase(parameterName)) {
				String value = part.substring(equals + 1).strip();
				return Optional.of(value.replace("\"", ""));
			}
		}
		return Optional.empty();
	}

	private static int valueColon(String line) {
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ':' && !quoted) {
				return i;
			}
		}
		return -1;
	}

}
