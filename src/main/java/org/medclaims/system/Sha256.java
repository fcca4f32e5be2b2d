package org.medclaims.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the identity of a claim file's content. */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * A file's hash (lower-case hex) and the number of bytes hashed, in one streaming
	 * pass.
	 */
	public record Hashed(String hex, long size) {
	}

	public static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JVM has no SHA-256", ex);
		}
	}

	public static String hex(MessageDigest digest) {
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The hash of a text's UTF-8 bytes (lower-case hex). */
	public static String of(String text) {
		return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	public static Hashed of(Path file) throws IOException {
		MessageDigest digest = newDigest();
		long size = 0;
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
				size += n;
			}
		}
		return new Hashed(hex(digest), size);
	}

}
