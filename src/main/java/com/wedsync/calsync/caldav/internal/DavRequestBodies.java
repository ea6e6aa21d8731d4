package com.wedsync.calsync.caldav.internal;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Builds the XML bodies of the requests the client sends. */
final class DavRequestBodies {

	private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

	private DavRequestBodies() {
	}

	/*
	 * RFC 4918 section 14.20: <!ELEMENT propfind ( propname | (allprop, include?) | prop
	 * ) > <!ELEMENT prop ANY >
	 */
	static byte[] propfind(List<QName> properties) {
		return write(DavNames.PROPFIND, properties, (xml) -> writeProp(xml, properties));
	}

	/*
	 * RFC 6578 section 6.1: <!ELEMENT sync-collection (sync-token, sync-level, limit?,
	 * prop)> <!ELEMENT sync-token CDATA> <!ELEMENT sync-level CDATA> ("1" or "infinite")
	 */
	static byte[] syncCollection(String syncToken, List<QName> properties) {
		return write(DavNames.SYNC_COLLECTION, properties, (xml) -> {
			writeText(xml, DavNames.SYNC_TOKEN, (syncToken != null) ? syncToken : "");
			writeText(xml, DavNames.SYNC_LEVEL, "1");
			writeProp(xml, properties);
		});
	}

	/*
	 * RFC 4791 section 9.5: <!ELEMENT calendar-multiget ((DAV:allprop | DAV:propname |
	 * DAV:prop)?, DAV:href+)>
	 */
	static byte[] calendarMultiget(List<String> hrefs, List<QName> properties) {
		return write(DavNames.CALENDAR_MULTIGET, properties, (xml) -> {
			writeProp(xml, properties);
			for (String href : hrefs) {
				writeText(xml, DavNames.HREF, href);
			}
		});
	}

	private static byte[] write(QName root, List<QName> properties, XmlContent content) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement(root.getPrefix(), root.getLocalPart(), root.getNamespaceURI());
			Set<QName> declared = new LinkedHashSet<>();
			declared.add(DavNames.PROP);
			declared.add(root);
			declared.addAll(properties);
			Set<String> namespaces = new LinkedHashSet<>();
			for (QName name : declared) {
				if (namespaces.add(name.getNamespaceURI())) {
					xml.writeNamespace(name.getPrefix(), name.getNamespaceURI());
				}
			}
			content.writeTo(xml);
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
			return out.toByteArray();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot build request XML", ex);
		}
	}

	private static void writeProp(XMLStreamWriter xml, List<QName> properties) throws XMLStreamException {
		start(xml, DavNames.PROP);
		for (QName property : properties) {
			xml.writeEmptyElement(property.getPrefix(), property.getLocalPart(), property.getNamespaceURI());
		}
		xml.writeEndElement();
	}

	private static void writeText(XMLStreamWriter xml, QName name, String text) throws XMLStreamException {
		start(xml, name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static void start(XMLStreamWriter xml, QName name) throws XMLStreamException {
		xml.writeStartElement(name.getPrefix(), name.getLocalPart(), name.getNamespaceURI());
	}

	@FunctionalInterface
	private interface XmlContent {

		void writeTo(XMLStreamWriter xml) throws XMLStreamException;

	}

}
