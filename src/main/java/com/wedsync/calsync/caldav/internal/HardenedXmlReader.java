package com.wedsync.calsync.caldav.internal;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.MissingResourceException;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.wedsync.calsync.caldav.UnreadableAnswerException;

/**
 * Reads a response body with StAX, refusing everything a CalDAV answer never needs: a
 * DOCTYPE (so no external entity can be fetched and no entity expanded: XXE and billion
 * laughs), nesting deeper than a limit, and more elements than a limit. The body size is
 * bounded by the transport, but bytes alone do not bound the tree: 31 MB of
 * {@code <response><href>} is 2.3 million elements, several hundred bytes of heap each.
 */
final class HardenedXmlReader {

	/**
	 * A sync-collection answer spends six elements per resource; this keeps the
	 * {@link Multistatus#MAX_RESPONSES} a multistatus may hold, with room to spare, under
	 * about 100 MB of heap while it is read.
	 */
	static final int MAX_ELEMENTS = 500_000;

	private final XMLInputFactory factory;

	private final int maxDepth;

	private final int maxElements;

	HardenedXmlReader(int maxDepth) {
		this(maxDepth, MAX_ELEMENTS);
	}

	HardenedXmlReader(int maxDepth, int maxElements) {
		this.maxDepth = maxDepth;
		this.maxElements = maxElements;
		// The JDK's own parser, whatever else is on the classpath: its behaviour is the
		// one the tests pin.
		this.factory = XMLInputFactory.newDefaultFactory();
		this.factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		this.factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		this.factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		this.factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		this.factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		this.factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("external entity refused: " + systemId);
		});
	}

	XmlElement read(URI source, byte[] body) {
		try {
			XMLStreamReader reader = this.factory.createXMLStreamReader(new ByteArrayInputStream(body));
			try {
				return readDocument(source, reader);
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			throw new UnreadableAnswerException("Malformed XML in response: " + ex.getMessage(), source, 0, ex);
		}
		catch (IllegalStateException | IllegalArgumentException | MissingResourceException ex) {
			// The JDK's parser fails some malformed prologs with these instead of an
			// XMLStreamException (a DOCTYPE with an invalid character: a message key it
			// does not have). Still malformed XML, not a bug of ours.
			throw new UnreadableAnswerException("Malformed XML in response: " + ex.getClass().getSimpleName(), source,
					0, ex);
		}
	}

	private XmlElement readDocument(URI source, XMLStreamReader reader) throws XMLStreamException {
		Deque<Builder> open = new ArrayDeque<>();
		int elements = 0;
		while (reader.hasNext()) {
			int event = reader.next();
			switch (event) {
				case XMLStreamConstants.DTD -> throw new UnreadableAnswerException(
						"Refused response with a DOCTYPE declaration (protocol violation)", source, 0);
				case XMLStreamConstants.ENTITY_REFERENCE -> throw new UnreadableAnswerException(
						"Refused response with an entity reference (protocol violation)", source, 0);
				case XMLStreamConstants.START_ELEMENT -> {
					if (open.size() >= this.maxDepth) {
						throw new UnreadableAnswerException("XML nested deeper than " + this.maxDepth, source, 0);
					}
					if (++elements > this.maxElements) {
						throw new UnreadableAnswerException(
								"Refused response with more than " + this.maxElements + " XML elements", source, 0);
					}
					open.push(new Builder(reader));
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
					if (!open.isEmpty()) {
						open.peek().text.append(reader.getText());
					}
				}
				case XMLStreamConstants.END_ELEMENT -> {
					XmlElement done = open.pop().build();
					if (open.isEmpty()) {
						return done;
					}
					open.peek().children.add(done);
				}
				default -> {
				}
			}
		}
		throw new UnreadableAnswerException("Empty XML response", source, 0);
	}

	private static final class Builder {

		private final QName name;

		private final Map<String, String> attributes = new HashMap<>();

		private final StringBuilder text = new StringBuilder();

		private final java.util.List<XmlElement> children = new ArrayList<>();

		Builder(XMLStreamReader reader) {
			this.name = reader.getName();
			for (int i = 0; i < reader.getAttributeCount(); i++) {
				this.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
			}
		}

		XmlElement build() {
			return new XmlElement(this.name, Map.copyOf(this.attributes), this.text.toString(),
					java.util.List.copyOf(this.children));
		}

	}

}
