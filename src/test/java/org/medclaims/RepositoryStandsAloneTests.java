package org.medclaims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository stands alone: no file of it names the folder that lies beside a
 * developer's checkout but not beside a user's clone.
 */
class RepositoryStandsAloneTests {

	// written in two parts, so this file does not name it
	private static final byte[] OUTSIDE = (".." + "/shared").getBytes(StandardCharsets.US_ASCII);

	// build output, local data and tools' folders (.gitignore) are not part of the
	// repository
	private static final Set<Path> NOT_TRACKED = Set.of(Path.of(".git"), Path.of("target"), Path.of("data"),
			Path.of("bench/out"), Path.of(".idea"), Path.of(".vscode"));

	@Test
	void noFileOfTheRepositoryNamesAFolderOutsideIt() throws IOException {
		List<Path> naming;
		try (Stream<Path> files = Files.walk(Path.of("."))) {
			naming = files.filter(Files::isRegularFile)
				.filter(f -> !excluded(f))
				.filter(RepositoryStandsAloneTests::namesOutside)
				.toList();
		}
		assertThat(naming).as("files that name a folder outside the repository").isEmpty();
	}

	private static boolean excluded(Path file) {
		Path relative = file.normalize();
		return NOT_TRACKED.stream().anyMatch(relative::startsWith);
	}

	private static boolean namesOutside(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			outer: for (int i = 0; i + OUTSIDE.length <= bytes.length; i++) {
				for (int j = 0; j < OUTSIDE.length; j++) {
					if (bytes[i + j] != OUTSIDE[j]) {
						continue outer;
					}
				}
				return true;
			}
			return false;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

}
