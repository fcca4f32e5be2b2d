package org.medclaims.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files shipped inside the jar under {@code medclaims/} (config/ of the sources): the
 * policy versions, and the demo registry, account credits and claim files that demo mode
 * starts with.
 */
public final class BuiltInFiles {

	/** The dated policy versions. */
	public static final String POLICY = "medclaims/policy";

	/** The demo registry: the six reference CSVs. */
	public static final String DEMO_REFERENCE = "medclaims/reference";

	/** The demo claim files. */
	public static final String DEMO_SAMPLES = "medclaims/samples";

	/** The demo account credits. */
	public static final String DEMO_CREDITS = "medclaims/credits";

	private BuiltInFiles() {
	}

	/** The files of a built-in folder, in name order. */
	public static List<Resource> list(String folder) {
		try {
			return Arrays
				.stream(new PathMatchingResourcePatternResolver(BuiltInFiles.class.getClassLoader())
					.getResources("classpath:" + folder + "/*"))
				.filter(r -> r.getFilename() != null && !r.getFilename().isEmpty() && r.isReadable())
				.sorted(Comparator.comparing(Resource::getFilename))
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the built-in files of " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Copies a built-in folder's files into {@code target} (made if missing, same names
	 * replaced).
	 */
	public static List<Path> copy(String folder, Path target) throws IOException {
		Files.createDirectories(target);
		List<Resource> files = list(folder);
		for (Resource file : files) {
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, target.resolve(file.getFilename()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		return files.stream().map(f -> target.resolve(f.getFilename())).toList();
	}

}
