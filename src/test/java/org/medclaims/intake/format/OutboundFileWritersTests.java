package org.medclaims.intake.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medclaims.policy.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundFileWritersTests {

	private static final OffsetDateTime PROCESSED_AT = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8));

	@TempDir
	Path dir;

	private static Money m(String yuan) {
		return Money.ofFen(Formats.amount(yuan).fen());
	}

	private static ResponseRow settled(String claimNo, String total, String fund, String current, String historical,
			String family, String cash, List<String> codes, String message) {
		Money z = Money.ZERO;
		return new ResponseRow(claimNo, ResponseRow.SETTLED, m(total), m("1.00"), m("2.00"), m("3.00"), m("4.00"),
				m("5.00"), z, m(fund), m(current), m(historical), m(family), m(cash), codes, message);
	}

	@Test
	void shouldWriteAResponseFileByteForByte() throws IOException {
		Path target = this.dir.resolve("H330282001_20140210_001.res");
		List<ResponseRow> rows = List.of(
				settled("C0000003", "6022.69", "2315.35", "0.00", "1576.00", "0.00", "2131.34", List.of("W_OVER_PRICE"),
						"Settled."),
				ResponseRow.rejected("C0000005", m("2016.72"), "E_FORMAT",
						"Claim C0000005 (line 20): bad | date\r\nx."),
				settled("C0000010", "1773.44", "380.06", "0.00", "1253.38", "0.00", "140.00",
						List.of("W_NOT_IN_CATALOG", "W_OVER_PRICE"), null));

		ResponseFileWriter.write(target, "H330282001", "H330282001_20140210_001.clm", PROCESSED_AT, rows.iterator());

		assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(
				"""
						H|MCR1|H330282001|H330282001_20140210_001.clm|2026-01-01T00:00:00+08:00
						R|C0000003|SETTLED|6022.69|1.00|2.00|3.00|4.00|5.00|0.00|2315.35|0.00|1576.00|0.00|2131.34|W_OVER_PRICE|Settled.
						R|C0000005|REJECTED|2016.72|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|E_FORMAT|Claim C0000005 (line 20): bad / date  x.
						R|C0000010|SETTLED|1773.44|1.00|2.00|3.00|4.00|5.00|0.00|380.06|0.00|1253.38|0.00|140.00|W_NOT_IN_CATALOG,W_OVER_PRICE|
						T|3|2|1|7796.13|2695.41|0.00|2829.38|0.00|2271.34
						""");
		assertThat(Files.list(this.dir).map(p -> p.getFileName().toString()))
			.containsExactly("H330282001_20140210_001.res");
	}

	@Test
	void shouldWriteAnEmptyResponseWithZeroTrailer() throws IOException {
		Path target = this.dir.resolve("H1234_20140210_001.res");

		ResponseFileWriter.write(target, "H1234", "H1234_20140210_001.clm",
				OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 123_000_000, ZoneOffset.UTC), List.<ResponseRow>of().iterator());

		assertThat(Files.readAllBytes(target))
			.isEqualTo(("H|MCR1|H1234|H1234_20140210_001.clm|2026-01-01T00:00:00+00:00\n"
					+ "T|0|0|0|0.00|0.00|0.00|0.00|0.00|0.00\n")
				.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void shouldStreamRowsAndPublishOnlyWhenFinished() throws IOException {
		Path target = this.dir.resolve("H1234_20140210_001.res");
		try (ResponseFileWriter writer = ResponseFileWriter.open(target, "H1234", "H1234_20140210_001.clm",
				PROCESSED_AT)) {
			writer.write(ResponseRow.rejected("C1", Money.ZERO, "E_FORMAT", "Bad."));

			assertThat(target).doesNotExist();
			assertThat(temporaryFiles()).singleElement()
				.asString()
				.startsWith("H1234_20140210_001.res.")
				.endsWith(".tmp");
			writer.finish();
		}

		assertThat(target).exists();
		assertThat(Files.readAllLines(target)).last().isEqualTo("T|1|0|1|0.00|0.00|0.00|0.00|0.00|0.00");
		assertThat(temporaryFiles()).isEmpty();
	}

	@Test
	void shouldLeaveNothingWhenAbandoned() throws IOException {
		Path target = this.dir.resolve("H1234_20140210_001.res");
		try (ResponseFileWriter writer = ResponseFileWriter.open(target, "H1234", "x.clm", PROCESSED_AT)) {
			writer.write(ResponseRow.rejected("C1", Money.ZERO, "E_FORMAT", "Bad."));
		}

		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void shouldReplaceAnExistingResponseWhole() throws IOException {
		Path target = Files.writeString(this.dir.resolve("H1234_20140210_001.res"),
				"old and longer content\n".repeat(9));

		ResponseFileWriter.write(target, "H1234", "H1234_20140210_001.clm", PROCESSED_AT,
				List.<ResponseRow>of().iterator());

		assertThat(Files.readAllLines(target)).hasSize(2).first().asString().startsWith("H|MCR1|");
	}

	@Test
	void shouldRefuseAnUnknownStatus() {
		Money z = Money.ZERO;
		assertThatThrownBy(() -> new ResponseRow("C1", "PENDING", z, z, z, z, z, z, z, z, z, z, z, z, List.of(), ""))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldWriteARejectFileWithOneErrorPerProblem() throws IOException {
		Path target = this.dir.resolve("H330282001_20131231_905.clm.rej");
		List<FileProblem> problems = List.of(new FileProblem("F_RECORD", 3, "Line 3 has the unknown record type 'X'."),
				new FileProblem("F_TRAILER_MISMATCH", 21, "The trailer (T) says a|b\nc."));

		RejectFileWriter.write(target, "H330282001", "H330282001_20131231_905.clm", PROCESSED_AT, problems);

		assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("""
				H|MCX1|H330282001|H330282001_20131231_905.clm|2026-01-01T00:00:00+08:00
				E|F_RECORD|3|Line 3 has the unknown record type 'X'.
				E|F_TRAILER_MISMATCH|21|The trailer (T) says a/b c.
				""");
	}

	@Test
	void shouldWriteARejectFileWithoutHospital() throws IOException {
		Path target = this.dir.resolve("h330282001_bad.clm.rej");

		RejectFileWriter.write(target, null, "h330282001_bad.clm", PROCESSED_AT,
				List.of(new FileProblem("F_NAME", 0, "Bad name.")));

		assertThat(Files.readString(target))
			.isEqualTo("H|MCX1||h330282001_bad.clm|2026-01-01T00:00:00+08:00\n" + "E|F_NAME|0|Bad name.\n");
	}

	@Test
	void shouldWriteTheRejectFileOfAValidatedExample() throws IOException {
		FileValidation validation = new ClaimFileValidator(HospitalCheck.anyHospital())
			.validate(Fixtures.example("H330282001_20131231_905.clm"));
		Path target = this.dir.resolve("H330282001_20131231_905.clm.rej");

		RejectFileWriter.write(target, "H330282001", validation.fileName(), PROCESSED_AT, validation.problems());

		assertThat(Files.readAllLines(target)).containsExactly(
				"H|MCX1|H330282001|H330282001_20131231_905.clm|2026-01-01T00:00:00+08:00",
				"E|F_RECORD|3|Line 3 has the unknown record type 'X'.");
	}

	private java.util.List<String> temporaryFiles() throws IOException {
		try (var files = Files.list(this.dir)) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
		}
	}

}
