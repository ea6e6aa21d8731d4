package com.wedsync.calsync.caldav;

import java.net.URI;

/** Opens {@link CalDavClient} sessions. One bean, shared connection settings. */
public interface CalDavClientFactory {

	CalDavClient connect(URI serverUrl, DavCredentials credentials);

}
