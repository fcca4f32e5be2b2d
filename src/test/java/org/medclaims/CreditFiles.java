package org.medclaims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Credits files as the contribution system writes them: the header, then one
 * {@code personId,month,amount} a line.
 */
public final class CreditFiles {

	private CreditFiles() {
	}

	/**
	 * Writes {@code rows} (each already a CSV line) under the header into
	 * {@code dir/name}.
	 */
	public static Path write(Path dir, String name, String... rows) {
		StringBuilder text = new StringBuilder("personId,month,amount\r\n");
		for (String row : rows) {
			text.append(row).append("\r\n");
		}
		return writeRaw(dir, name, text.toString());
	}

	public static Path writeRaw(Path dir, String name, String text) {
		try {
			Files.createDirectories(dir);
			return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String row(String personId, String month, String amount) {
		return personId + "," + month + "," + amount;
	}

}
