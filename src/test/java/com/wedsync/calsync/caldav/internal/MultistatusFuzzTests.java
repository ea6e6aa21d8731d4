package com.wedsync.calsync.caldav.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.wedsync.calsync.caldav.DavException;
import com.wedsync.calsync.support.fuzz.FuzzRun;
import com.wedsync.calsync.support.fuzz.Mutations;

import static com.wedsync.calsync.caldav.internal.DavTestBodies.multistatus;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.propResponse;
import static com.wedsync.calsync.caldav.internal.DavTestBodies.statusResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutational fuzzing of the DAV XML reader and multistatus parsing for a fixed time
 * budget (10 s, 60 s in CI): only {@link DavException} subclasses escape, within a time
 * bound. Inputs that once broke it are replayed from
 * {@code src/test/resources/fuzz/dav/}.
 */
class MultistatusFuzzTests {

	private static final URI REQUEST = URI.create("https://caldav.example.com/home/wedding/");

	private static final List<String> DICTIONARY = List.of("<d:response>", "</d:response>", "<d:href>", "</d:href>",
			"<d:propstat>", "<d:prop>", "<d:status>HTTP/1.1 999 X</d:status>", "<!DOCTYPE m [<!ENTITY x \"y\">]>",
			"&x;", "&amp;", "&#0;", "&#xFFFFFFFF;", "<![CDATA[", "]]>", "xmlns:d=\"urn:not-dav\"", "xmlns=\"DAV:\"",
			"<?xml version=\"1.1\"?>", "<!--", "-->", "%", "://", "http://[::1", "\u0000", "\uFEFF");

	private final HardenedXmlReader reader = new HardenedXmlReader(32);

	@Test
	void shouldOnlyThrowDavExceptionsWhateverTheBody() {
		long executions = fuzz().run(0xDA7_0001L, FuzzRun.budget(), this::parse);

		assertThat(executions).isGreaterThan(100);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("regressionSeeds")
	void shouldStillHandleEveryBodyThatOnceBrokeTheReader(Path seed) throws IOException {
		fuzz().replay(seed, this::parse);
	}

	static Stream<Path> regressionSeeds() throws IOException {
		return FuzzRun.regressionSeeds("dav");
	}

	private void parse(byte[] body) {
		Multistatus answer = Multistatus.from(REQUEST, this.reader.read(REQUEST, body));
		answer.responses().forEach((entry) -> {
			entry.isCollection();
			entry.text(DavNames.GETETAG);
		});
	}

	private static FuzzRun fuzz() {
		List<byte[]> corpus = Stream
			.of(multistatus(),
					multistatus(propResponse("/home/wedding/",
							"<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>",
							"<d:displayname>Wedding &amp; more</d:displayname>", "<cs:getctag>\"42\"</cs:getctag>",
							"<d:sync-token>http://radicale.org/ns/sync/1</d:sync-token>")),
					multistatus(
							propResponse("/home/wedding/a%20b.ics", "<d:getetag>\"e1\"</d:getetag>",
									"<c:calendar-data>BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n</c:calendar-data>"),
							statusResponse("https://p01-caldav.icloud.com/home/wedding/gone.ics", 404),
							"<d:sync-token>t2</d:sync-token>"))
			.map((xml) -> xml.getBytes(StandardCharsets.UTF_8))
			.toList();
		return new FuzzRun("dav", new Mutations(corpus, DICTIONARY, "<d:prop>", "</d:prop>"), DavException.class);
	}

}
