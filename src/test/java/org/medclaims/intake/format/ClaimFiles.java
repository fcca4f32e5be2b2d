package org.medclaims.intake.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small claim files written in tests. */
final class ClaimFiles {

	static final String NAME = "H330282001_20131231_001.clm";

	static final String HEADER = "H|MCF1|H330282001|20131231|001|UTF-8";

	static final String CLAIM = "C|C1|33028219400911796X|张三|OUT|20130705|20130705|K35.9||909.23|1";

	static final String LINE = "L|1|X00075|项目1|454.6139|2|909.23";

	static final String TRAILER = "T|1|1|909.23";

	private ClaimFiles() {
	}

	/** Lines joined with LF, and a final LF. */
	static String lines(String... lines) {
		return String.join("\n", lines) + "\n";
	}

	static Path write(Path dir, String name, String text) throws IOException {
		return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
	}

	static Path write(Path dir, String name, String text, Charset charset) throws IOException {
		return write(dir, name, text.getBytes(charset));
	}

	static Path write(Path dir, String name, byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[8192];
			int n;
			while ((n = in.read(buffer)) != -1) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
