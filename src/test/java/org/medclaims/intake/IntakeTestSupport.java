package org.medclaims.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.medclaims.Examples;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/** Database and folder helpers shared by the intake tests. */
final class IntakeTestSupport {

	static final Path EXAMPLE = Examples.basic();

	private final JdbcTemplate jdbc;

	private final MedclaimsProperties folders;

	IntakeTestSupport(JdbcTemplate jdbc, MedclaimsProperties folders) {
		this.jdbc = jdbc;
		this.folders = folders;
	}

	/**
	 * An empty intake (sequences go on, so arrival ids never repeat) and the example
	 * registry.
	 */
	void reset(ReferenceImport referenceImport) throws Exception {
		this.jdbc.execute("TRUNCATE claim_line, claim_file_problem, claim, claim_file CASCADE");
		this.jdbc.execute("DELETE FROM int_metadata_store");
		if (count("hospital") == 0) {
			referenceImport.importFrom(EXAMPLE.resolve("reference"));
		}
		for (Path dir : List.of(this.folders.inboundDir(), this.folders.outboundDir(), this.folders.archiveDir(),
				this.folders.rejectedDir())) {
			FileSystemUtils.deleteRecursively(dir);
			Files.createDirectories(dir);
		}
	}

	int count(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
	}

	Map<String, Object> arrival(long id) {
		return this.jdbc.queryForMap("SELECT * FROM claim_file WHERE id = ?", id);
	}

	/** code, reject_line_no and status of each claim of an arrival, by position. */
	List<String> claimOutcomes(long arrivalId) {
		return this.jdbc
			.queryForList("SELECT position || ':' || claim_no || ':' || status || ':' || coalesce(reject_code, '-')"
					+ " || ':' || coalesce(reject_line_no::text, '-') FROM claim WHERE file_id = ? ORDER BY position",
					String.class, arrivalId);
	}

	Path archived(String hospital, String name) {
		return this.folders.archiveDir().resolve(hospital).resolve(LocalDate.now().toString()).resolve(name);
	}

	Path outbound(String hospital, String name) {
		return this.folders.outboundDir().resolve(hospital).resolve(name);
	}

	Path rejected(String name) {
		return this.folders.rejectedDir().resolve(name);
	}

	Path inbound(String name) {
		return this.folders.inboundDir().resolve(name);
	}

	static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file, StandardCharsets.UTF_8);
	}

	/** The E records of a reject file: code|line. */
	static List<String> problems(Path rejectFile) throws IOException {
		return lines(rejectFile).stream()
			.filter(l -> l.startsWith("E|"))
			.map(l -> l.split("\\|", -1))
			.map(f -> f[1] + "|" + f[2])
			.toList();
	}

	static List<String> fileNames(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

}
