package com.wedsync.calsync.ical;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** TEXT escaping and line folding, through the parser that reads them back. */
class ContentLinesTests {

	private final CalendarObjectParser parser = new Ical4jCalendarObjectParser();

	private final CalendarObjectRenderer renderer = new Ical4jCalendarObjectRenderer();

	@ParameterizedTest
	@ValueSource(strings = { "Smith, Jones; and \\ co", "a\nb", "trailing backslash \\", "\\,\\;", ";;,,",
			"C:\\Users\\wed\\plan.txt", "C:\\new\\Notes", "literal \\n is not a newline", "two\n\nblank lines" })
	void shouldReadEscapedTextBackUnchanged(String text) {
		EventFields fields = fields(text, text, text);

		String rendered = this.renderer.render("escape@wedsync.example", fields, null);

		assertThat(this.parser.parse(rendered).fields()).isEqualTo(fields);
	}

	@Test
	void shouldEscapeCommasSemicolonsBackslashesAndLineBreaks() {
		assertThat(ContentLines.escape("a,b;c\\d\ne\r\nf\rg")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf\\ng");
	}

	@Test
	void shouldFoldLongMultibyteLinesAtMost75OctetsWithoutSplittingCharacters() {
		String summary = "Trauung – Zoë & Jürgen 💍 in der Kapelle Sankt Märgen, danach Empfang 🥂 ".repeat(6).strip();
		EventFields fields = fields(summary, "Ørsted ".repeat(40).strip(), "日本語の説明".repeat(30));

		String rendered = this.renderer.render("fold@wedsync.example", fields, null);

		List<String> physical = Arrays.asList(rendered.split("\r\n"));
		assertThat(physical).allSatisfy(
				(line) -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
		assertThat(physical).anyMatch((line) -> line.startsWith(" "));
		assertThat(rendered).doesNotContain("\uFFFD").doesNotContainPattern("[^\r]\n");
		assertThat(this.parser.parse(rendered).fields()).isEqualTo(fields);
	}

	@Test
	void shouldFoldExactlyAt75Octets() {
		ContentLines lines = new ContentLines().line("X".repeat(75)).line("Y".repeat(76)).line("é".repeat(40));

		assertThat(lines.toString()).isEqualTo("X".repeat(75) + "\r\n" + "Y".repeat(75) + "\r\n Y\r\n" + "é".repeat(37)
				+ "\r\n " + "é".repeat(3) + "\r\n");
	}

	private static EventFields fields(String summary, String location, String description) {
		return new EventFields(EventKind.OTHER, summary, location, description,
				new EventTiming(Instant.parse("2027-06-12T13:00:00Z"), Instant.parse("2027-06-12T15:00:00Z"), "UTC",
						false, false),
				null, List.of());
	}

}
