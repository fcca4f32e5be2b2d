package org.medclaims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end example of the claim-file contract, kept in this repository's test
 * resources ({@code examples/basic}): {@code reference/} (the six CSVs), {@code inbound/}
 * (claim files, good and bad) and {@code expected-outbound/<hospital>/} (what
 * {@code run-once} must write).
 */
public final class Examples {

	private Examples() {
	}

	/** The example's root folder. */
	public static Path basic() {
		URL url = Examples.class.getResource("/examples/basic");
		if (url == null) {
			throw new IllegalStateException("The test resources lack examples/basic: run the tests through Maven.");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Path reference() {
		return basic().resolve("reference");
	}

	public static Path inbound() {
		return basic().resolve("inbound");
	}

	public static Path expectedOutbound() {
		return basic().resolve("expected-outbound");
	}

	/**
	 * A claim file of {@code inbound/}, or an answer of {@code expected-outbound/}, by
	 * its name.
	 */
	public static Path file(String name) {
		Path claimFile = inbound().resolve(name);
		if (Files.exists(claimFile)) {
			return claimFile;
		}
		try (Stream<Path> answers = Files.walk(expectedOutbound())) {
			return answers.filter(p -> p.getFileName().toString().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("The example has no file " + name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Copies the example's claim files (the temporary one included) into {@code inbound}.
	 */
	public static void copyInbound(Path inbound) throws IOException {
		Files.createDirectories(inbound);
		try (Stream<Path> files = Files.list(inbound())) {
			for (Path file : files.toList()) {
				Files.copy(file, inbound.resolve(file.getFileName()));
			}
		}
	}

	/**
	 * Asserts that {@code outbound} holds exactly the expected answers, compared as the
	 * example's README says: every field of every R and T record but the message,
	 * warnings in any order, the header but its processedAt; of a reject file, the first
	 * E record's code.
	 */
	public static void assertAnswersAsExpected(Path outbound) throws IOException {
		Path expected = expectedOutbound();
		List<Path> expectedFiles = files(expected);
		assertThat(files(outbound).stream().map(outbound::relativize))
			.containsExactlyInAnyOrderElementsOf(expectedFiles.stream().map(expected::relativize).toList());
		for (Path file : expectedFiles) {
			Path actual = outbound.resolve(expected.relativize(file));
			if (file.toString().endsWith(".res")) {
				assertSameResponse(read(actual), read(file), file.getFileName().toString());
			}
			else {
				assertThat(field(read(actual).get(1), 1)).as("first reject code of %s", file.getFileName())
					.isEqualTo(field(read(file).get(1), 1));
			}
		}
	}

	private static void assertSameResponse(List<String> actual, List<String> expected, String name) {
		assertThat(actual).as("records of %s", name).hasSameSizeAs(expected);
		assertThat(Arrays.asList(actual.get(0).split("\\|")).subList(0, 4)).as("header of %s", name)
			.isEqualTo(Arrays.asList(expected.get(0).split("\\|")).subList(0, 4));
		for (int i = 1; i < expected.size(); i++) {
			String[] a = actual.get(i).split("\\|", -1);
			String[] e = expected.get(i).split("\\|", -1);
			if (e[0].equals("R")) {
				assertThat(Arrays.asList(a).subList(0, 15)).as("%s line %d", name, i + 1)
					.isEqualTo(Arrays.asList(e).subList(0, 15));
				assertThat(codes(a[15])).as("codes of %s line %d", name, i + 1).isEqualTo(codes(e[15]));
				assertThat(a[16]).as("message of %s line %d", name, i + 1).isNotBlank();
			}
			else {
				assertThat(actual.get(i)).as("%s line %d", name, i + 1).isEqualTo(expected.get(i));
			}
		}
	}

	private static Set<String> codes(String field) {
		return field.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(field.split(",")));
	}

	private static String field(String record, int index) {
		return record.split("\\|", -1)[index];
	}

	private static List<String> read(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8);
	}

	private static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).toList();
		}
	}

}
