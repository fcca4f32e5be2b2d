package org.medclaims.reference;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports one reference CSV all or nothing: a first streaming pass checks every row and
 * reports each bad one as {@code file:line: reason}; only a file without a bad row is
 * written, in the step's one transaction.
 */
final class ReferenceFileImport implements Tasklet {

	static final String INVALID = "INVALID";

	static final String NOT_PRESENT = "NOT_PRESENT";

	static final String PROBLEMS_KEY = "problems";

	private static final Logger log = LoggerFactory.getLogger(ReferenceFileImport.class);

	private static final int BATCH = 1000;

	private static final int MAX_REPORTED = 1000;

	private final Supplier<ReferenceTable<?>> tables;

	private final JdbcTemplate jdbc;

	ReferenceFileImport(Supplier<ReferenceTable<?>> tables, JdbcTemplate jdbc) {
		this.tables = tables;
		this.jdbc = jdbc;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		Path dir = Path.of(chunkContext.getStepContext().getStepExecution().getJobParameters().getString("dir"));
		ReferenceTable<?> table = this.tables.get();
		Path file = dir.resolve(table.fileName());
		if (!Files.isRegularFile(file)) {
			log.info("{}: not present in {}, left unchanged", table.fileName(), dir);
			contribution.setExitStatus(new ExitStatus(NOT_PRESENT, table.fileName() + " not present, left unchanged"));
			return RepeatStatus.FINISHED;
		}
		List<String> problems = check(table, file);
		if (!problems.isEmpty()) {
			problems.forEach(p -> log.warn("Rejected reference row {}", p));
			chunkContext.getStepContext()
				.getStepExecution()
				.getExecutionContext()
				.put(PROBLEMS_KEY, new ArrayList<>(problems.subList(0, Math.min(problems.size(), 100))));
			contribution.setExitStatus(new ExitStatus(INVALID,
					table.fileName() + " not imported: " + problems.size() + " bad row(s), first: " + problems.get(0)));
			return RepeatStatus.FINISHED;
		}
		long rows = write(this.tables.get(), file);
		contribution.incrementWriteCount(rows);
		log.info("{}: imported {} rows", table.fileName(), rows);
		return RepeatStatus.FINISHED;
	}

	private <R> List<String> check(ReferenceTable<R> table, Path file) throws IOException {
		List<String> problems = new ArrayList<>();
		List<ReferenceTable.Parsed<R>> batch = new ArrayList<>(BATCH);
		String name = table.fileName();
		Consumer<List<ReferenceTable.Parsed<R>>> checkBatch = rows -> {
			table.check(rows.stream().filter(p -> p.source().isValid()).toList(), this.jdbc);
			rows.stream()
				.filter(p -> !p.source().isValid())
				.forEach(p -> report(problems,
						name + ":" + p.source().line() + ": " + String.join("; ", p.source().problems())));
			rows.clear();
		};
		boolean headerOk = read(table, file, problems, row -> {
			batch.add(new ReferenceTable.Parsed<>(table.parse(row), row));
			if (batch.size() == BATCH) {
				checkBatch.accept(batch);
			}
		});
		if (headerOk) {
			checkBatch.accept(batch);
			table.finish().forEach(p -> report(problems, name + ":" + p.line() + ": " + p.reason()));
		}
		return problems;
	}

	private <R> long write(ReferenceTable<R> table, Path file) throws IOException {
		table.beforeWrite(this.jdbc);
		List<R> batch = new ArrayList<>(BATCH);
		long[] count = { 0 };
		read(table, file, new ArrayList<>(), row -> {
			batch.add(table.parse(row));
			if (batch.size() == BATCH) {
				table.write(batch, this.jdbc);
				count[0] += batch.size();
				batch.clear();
			}
		});
		if (!batch.isEmpty()) {
			table.write(batch, this.jdbc);
			count[0] += batch.size();
		}
		return count[0];
	}

	/**
	 * Streams the rows of the file; false when its header is wrong (reported in
	 * problems).
	 */
	private boolean read(ReferenceTable<?> table, Path file, List<String> problems, Consumer<CsvRow> rows)
			throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
			List<String> header = parser.getHeaderNames();
			if (header.size() != table.columns().size()
					|| !new HashSet<>(header).equals(new HashSet<>(table.columns()))) {
				report(problems, table.fileName() + ":1: the header must be " + String.join(",", table.columns())
						+ " but is " + String.join(",", header));
				return false;
			}
			// a record starts on the line after the one where the previous record ended
			long line = parser.getCurrentLineNumber() + 1;
			for (CSVRecord record : parser) {
				CsvRow row = new CsvRow(record, line);
				line = parser.getCurrentLineNumber() + 1;
				if (record.size() != header.size()) {
					row.problem("has " + record.size() + " fields, the header " + header.size());
				}
				rows.accept(row);
			}
			return true;
		}
		catch (java.nio.charset.CharacterCodingException | java.io.UncheckedIOException | IllegalStateException
				| IllegalArgumentException ex) {
			report(problems, table.fileName() + ":0: cannot be read as UTF-8 CSV with one header row ("
					+ (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName()) + ")");
			return false;
		}
	}

	private static Reader withoutBom(Reader reader) throws IOException {
		PushbackReader pushback = new PushbackReader(reader, 1);
		int first = pushback.read();
		if (first != -1 && first != '\uFEFF') {
			pushback.unread(first);
		}
		return pushback;
	}

	private static void report(List<String> problems, String problem) {
		if (problems.size() < MAX_REPORTED) {
			problems.add(problem);
		}
	}

}
