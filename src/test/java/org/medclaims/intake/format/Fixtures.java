package org.medclaims.intake.format;

import java.nio.file.Path;

import org.medclaims.Examples;

/** The example's claim files and answers, by name. */
final class Fixtures {

	private Fixtures() {
	}

	static Path example(String name) {
		return Examples.file(name);
	}

}
