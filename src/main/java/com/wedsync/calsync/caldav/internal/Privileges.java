package com.wedsync.calsync.caldav.internal;

import java.net.URI;
import java.util.List;

import javax.xml.namespace.QName;

import com.wedsync.calsync.caldav.UnreadableAnswerException;
import com.wedsync.calsync.caldav.WriteAccess;

/** Reads RFC 3744 privileges: a calendar's privilege set, a refusal for lack of one. */
final class Privileges {

	/**
	 * Any of these lets the account add or change a calendar's members: {@code write}
	 * aggregates {@code write-content} and {@code bind}, {@code all} aggregates
	 * everything (servers list aggregates, their parts, or both).
	 */
	private static final List<QName> WRITING = List.of(DavNames.ALL, DavNames.WRITE, DavNames.WRITE_CONTENT,
			DavNames.BIND);

	/**
	 * A refusal body is a few elements; anything deeper or larger is not an RFC 3744
	 * error.
	 */
	private static final int ERROR_DEPTH = 8;

	private static final int ERROR_ELEMENTS = 200;

	private Privileges() {
	}

	/**
	 * @param set the {@code DAV:current-user-privilege-set} property, {@code null} when
	 * the server did not report it
	 */
	static WriteAccess writeAccess(XmlElement set) {
		if (set == null) {
			return WriteAccess.UNREPORTED;
		}
		boolean writes = set.children(DavNames.PRIVILEGE)
			.stream()
			.anyMatch((privilege) -> WRITING.stream().anyMatch((name) -> privilege.child(name).isPresent()));
		return writes ? WriteAccess.WRITABLE : WriteAccess.READ_ONLY;
	}

	/**
	 * Whether a 403's body is a {@code DAV:error} naming {@code DAV:need-privileges} (RFC
	 * 3744 section 7.1.1). Plain-text or unreadable bodies are not.
	 */
	static boolean needsPrivileges(URI url, byte[] body) {
		if (body == null || body.length == 0) {
			return false;
		}
		try {
			// A reader per refusal: refusals are rare, and a session's reader is not
			// shared.
			XmlElement root = new HardenedXmlReader(ERROR_DEPTH, ERROR_ELEMENTS).read(url, body);
			return root.is(DavNames.ERROR) && root.hasDescendant(DavNames.NEED_PRIVILEGES);
		}
		catch (UnreadableAnswerException notXml) {
			return false;
		}
	}

}
