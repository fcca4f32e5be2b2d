package org.medclaims.intake.format;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The spec's example files, copied under this package's test resources. */
final class Fixtures {

	private Fixtures() {
	}

	static Path example(String name) {
		URL url = Fixtures.class.getResource(name);
		if (url == null) {
			throw new IllegalArgumentException("no fixture " + name);
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
