package org.medclaims.intake.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medclaims.policy.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.medclaims.intake.format.ClaimFiles.CLAIM;
import static org.medclaims.intake.format.ClaimFiles.HEADER;
import static org.medclaims.intake.format.ClaimFiles.LINE;
import static org.medclaims.intake.format.ClaimFiles.NAME;
import static org.medclaims.intake.format.ClaimFiles.TRAILER;
import static org.medclaims.intake.format.ClaimFiles.lines;
import static org.medclaims.intake.format.ClaimFiles.write;

class ClaimFileValidatorTests {

	private static final Charset GBK = Charset.forName("GBK");

	@TempDir
	Path dir;

	private final ClaimFileValidator validator = new ClaimFileValidator(HospitalCheck.anyHospital());

	private FileValidation validate(String text) throws IOException {
		return this.validator.validate(write(this.dir, NAME, text));
	}

	private static List<String> codes(FileValidation validation) {
		return validation.problems().stream().map(p -> p.code() + "@" + p.lineNo()).toList();
	}

	@Test
	void shouldAcceptAGoodFileAndHashItsBytes() throws IOException {
		Path file = write(this.dir, NAME, lines(HEADER, CLAIM, LINE, TRAILER));

		FileValidation validation = this.validator.validate(file);

		assertThat(validation.problems()).isEmpty();
		assertThat(validation.accepted()).isTrue();
		assertThat(validation.decisive()).isEmpty();
		assertThat(validation.sha256()).isEqualTo(ClaimFiles.sha256(file)).hasSize(64);
		assertThat(validation.size()).isEqualTo(Files.size(file));
		assertThat(validation.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(validation.claimCount()).isEqualTo(1);
		assertThat(validation.lineCount()).isEqualTo(1);
		assertThat(validation.totalAmount()).isEqualTo(Money.ofFen(90923));
		assertThat(validation.fileName()).isEqualTo(NAME);
	}

	@Test
	void shouldAcceptMixedLineEndingsAndATrailerWithoutTerminator() throws IOException {
		FileValidation validation = validate(HEADER + "\r\n" + CLAIM + "\n" + LINE + "\r\n" + TRAILER);

		assertThat(validation.problems()).isEmpty();
		assertThat(validation.claimCount()).isEqualTo(1);
	}

	@Test
	void shouldSkipAUtf8ByteOrderMark() throws IOException {
		FileValidation validation = validate("\uFEFF" + lines(HEADER, CLAIM, LINE, TRAILER));

		assertThat(validation.problems()).isEmpty();
	}

	@Test
	void shouldDecodeGbkWithChineseNames() throws IOException {
		String text = lines(HEADER.replace("UTF-8", "GBK"), CLAIM.replace("张三", "欧阳娜娜"), LINE, TRAILER);
		Path file = write(this.dir, NAME, text, GBK);

		FileValidation validation = this.validator.validate(file);

		assertThat(validation.problems()).isEmpty();
		assertThat(validation.charset()).isEqualTo(GBK);
		assertThat(validation.sha256()).isEqualTo(ClaimFiles.sha256(file));
	}

	@Test
	void shouldRejectBytesNotValidInGbk() throws IOException {
		byte[] head = lines(HEADER.replace("UTF-8", "GBK"), CLAIM, LINE).getBytes(GBK);
		byte[] bad = { 'L', '|', '2', '|', 'X', '|', (byte) 0xD5, (byte) 0xC5, (byte) 0xFF, '|', '1', '.', '0', '0',
				'|', '1', '|', '1', '.', '0', '0', '\n' };

		FileValidation validation = this.validator.validate(write(this.dir, NAME, concat(head, bad)));

		assertThat(codes(validation)).startsWith("F_ENCODING@4");
		assertThat(validation.decisive().get().message()).isEqualTo("Line 4 has bytes that are not valid GBK.");
	}

	@Test
	void shouldReadUtf8BytesInAGbkFileAsOtherCharacters() throws IOException {
		// UTF-8 of 张 is E5 BC A0; in GBK E5BC and A07C are characters: the '|' after it
		// is swallowed
		String text = lines(HEADER.replace("UTF-8", "GBK"), CLAIM.replace("张三", "张"), LINE, TRAILER);

		FileValidation validation = validate(text);

		assertThat(validation.decisive()).get()
			.extracting(FileProblem::code, FileProblem::lineNo)
			.containsExactly("F_RECORD", 2L);
	}

	@Test
	void shouldRejectAZeroByteFile() throws IOException {
		FileValidation validation = validate("");

		assertThat(validation.problems()).extracting(FileProblem::code, FileProblem::lineNo)
			.containsExactly(tuple("F_EMPTY", 0L));
		assertThat(validation.size()).isZero();
		assertThat(validation.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@ParameterizedTest
	@CsvSource({ "'\uFEFF'", "'\n'", "'\r\n\n\r\n'", "'\uFEFF\n\n'" })
	void shouldTakeAByteOrderMarkOrLineBreaksAloneForNoRecords(String text) throws IOException {
		FileValidation validation = validate(text);

		assertThat(codes(validation)).containsExactly("F_EMPTY@0");
	}

	@Test
	void shouldRejectABadNameWhateverTheContent() throws IOException {
		Path file = write(this.dir, "H330282001_20131231_1.clm", lines(HEADER, CLAIM, LINE, TRAILER));

		FileValidation validation = this.validator.validate(file);

		assertThat(codes(validation)).containsExactly("F_NAME@0");
	}

	@Test
	void shouldRejectABadNameAndEmptyContentWithTheNameFirst() throws IOException {
		FileValidation validation = this.validator.validate(write(this.dir, "bad.clm", ""));

		assertThat(codes(validation)).containsExactly("F_NAME@0", "F_EMPTY@0");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "C|C1|x", "H|MCF1|H330282001|20131231|001", "H|MCF1|H330282001|20131231|001|UTF-8|",
					"H|MCF2|H330282001|20131231|001|UTF-8", "H|MCF1|H330282001|20131231|001|utf-8",
					"H|MCF1|H330282001|20131231|001|ISO-8859-1", "H|MCF1|H330282002|20131231|001|UTF-8",
					"H|MCF1|H330282001|20131230|001|UTF-8", "H|MCF1|H330282001|20131231|002|UTF-8",
					"H|MCF1|H330282001|20131231|1|UTF-8", "H|MCF1|H33028200１|20131231|001|UTF-8",
					"' H|MCF1|H330282001|20131231|001|UTF-8'", "''" })
	void shouldRejectABadHeader(String header) throws IOException {
		FileValidation validation = validate(lines(header, CLAIM, LINE, TRAILER));

		assertThat(validation.decisive()).get()
			.extracting(FileProblem::code, FileProblem::lineNo)
			.containsExactly("F_HEADER", 1L);
	}

	@Test
	void shouldRejectInvalidUtf8WithItsLine() throws IOException {
		byte[] good = lines(HEADER, CLAIM).getBytes(StandardCharsets.UTF_8);
		byte[] bad = "L|1|X00075|\u00ff\u00fe1|454.6139|2|909.23\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] rest = lines(TRAILER).getBytes(StandardCharsets.UTF_8);

		FileValidation validation = this.validator.validate(write(this.dir, NAME, concat(good, bad, rest)));

		assertThat(codes(validation)).containsExactly("F_ENCODING@3");
		assertThat(validation.decisive().get().message()).isEqualTo("Line 3 has bytes that are not valid UTF-8.");
	}

	@Test
	void shouldRejectAByteOrderMarkInAGbkFile() throws IOException {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] text = lines(HEADER.replace("UTF-8", "GBK"), CLAIM, LINE, TRAILER).getBytes(GBK);

		FileValidation validation = this.validator.validate(write(this.dir, NAME, concat(bom, text)));

		assertThat(codes(validation)).containsExactly("F_ENCODING@1");
	}

	@Test
	void shouldAskTheRegistryAboutTheHospitalOfTheName() throws IOException {
		ClaimFileValidator registry = new ClaimFileValidator(
				code -> Optional.of("Hospital " + code + " is not in the registry."));

		FileValidation validation = registry.validate(write(this.dir, NAME, lines(HEADER, CLAIM, LINE, TRAILER)));

		assertThat(validation.problems()).extracting(FileProblem::code, FileProblem::lineNo, FileProblem::message)
			.containsExactly(tuple("F_HOSPITAL", 1L, "Hospital H330282001 is not in the registry."));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = {
			// unknown type, empty line
			"X|junk; 3", "c|C1; 3", "; 3",
			// field counts: empty trailing fields count
			"C|C2|33028219400911796X|张三|OUT|20130705|20130705|K35.9||909.23|1|; 3",
			"C|C2|33028219400911796X|张三|OUT|20130705|20130705|K35.9||909.23; 3", "L|2|X|y|1.00|1|1.00|; 3",
			"L|2|X|y|1.00|1; 3", "L; 3",
			// a second header
			"H|MCF1|H330282001|20131231|001|UTF-8; 3" })
	void shouldRejectABadRecordWithItsLine(String record, long line) throws IOException {
		FileValidation validation = validate(lines(HEADER, CLAIM, (record != null) ? record : "", LINE, TRAILER));

		assertThat(validation.decisive()).get()
			.extracting(FileProblem::code, FileProblem::lineNo)
			.containsExactly("F_RECORD", line);
	}

	@Test
	void shouldRejectATrailerOfWrongFieldCount() throws IOException {
		FileValidation validation = validate(lines(HEADER, CLAIM, LINE, "T|1|1|909.23|"));

		assertThat(codes(validation)).containsExactly("F_RECORD@4");
	}

	@Test
	void shouldRejectALineItemBeforeAnyClaim() throws IOException {
		FileValidation validation = validate(lines(HEADER, LINE, CLAIM, LINE, "T|1|2|909.23"));

		assertThat(codes(validation)).containsExactly("F_RECORD@2");
		assertThat(validation.decisive().get().message()).isEqualTo("Line 2 is a line item (L) before any claim (C).");
	}

	@Test
	void shouldRejectAnyRecordAfterTheFirstTrailer() throws IOException {
		assertThat(codes(validate(lines(HEADER, CLAIM, LINE, TRAILER, TRAILER)))).containsExactly("F_RECORD@5");
		assertThat(codes(validate(lines(HEADER, CLAIM, TRAILER.replace("|1|1|", "|1|0|"), LINE))))
			.containsExactly("F_RECORD@4");
		assertThat(codes(validate(lines(HEADER, CLAIM, LINE, TRAILER) + "\n"))).containsExactly("F_RECORD@5");
	}

	@Test
	void shouldAcceptALineOf4096CharactersAndRejectOneOf4097() throws IOException {
		String base = CLAIM.replace("张三", "");
		String exactly = CLAIM.replace("张三", "名".repeat(4096 - base.length()));
		assertThat(exactly).hasSize(4096);

		assertThat(codes(validate(lines(HEADER, exactly, LINE, TRAILER)))).isEmpty();
		assertThat(codes(validate(HEADER + "\r\n" + exactly + "\r\n" + LINE + "\r\n" + TRAILER))).isEmpty();
		assertThat(validate(lines(HEADER, exactly.replace("K35.9", "K35.90"), LINE, TRAILER)).decisive()).get()
			.isEqualTo(new FileProblem("F_RECORD", 2, "Line 2 is longer than 4,096 characters."));
	}

	@Test
	void shouldCountCharactersNotBytesInGbk() throws IOException {
		String longName = CLAIM.replace("张三", "名".repeat(4000));
		Path file = write(this.dir, NAME, lines(HEADER.replace("UTF-8", "GBK"), longName, LINE, TRAILER), GBK);

		assertThat(codes(this.validator.validate(file))).isEmpty();
	}

	@Test
	void shouldRejectALineOfOneMegabyteWithoutHoldingIt() throws IOException {
		Path file = this.dir.resolve(NAME);
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write(lines(HEADER, CLAIM, LINE));
			out.write("L|2|X|");
			for (int i = 0; i < 1024 * 1024; i++) {
				out.write('x');
			}
			out.write("|1.00|1|1.00\n");
			out.write(TRAILER + "\n");
		}

		FileValidation validation = this.validator.validate(file);

		assertThat(codes(validation)).containsExactly("F_RECORD@4");
		assertThat(validation.decisive().get().message()).isEqualTo("Line 4 is longer than 4,096 characters.");
		assertThat(validation.sha256()).isEqualTo(ClaimFiles.sha256(file));
	}

	@Test
	void shouldFindBadBytesAtTheEndOfAVeryLongLine() throws IOException {
		byte[] start = lines(HEADER, CLAIM, LINE).getBytes(StandardCharsets.UTF_8);
		byte[] longLine = new byte[300_000];
		java.util.Arrays.fill(longLine, (byte) 'x');
		longLine[longLine.length - 2] = (byte) 0xC3;
		longLine[longLine.length - 1] = '\n';
		byte[] end = lines(TRAILER).getBytes(StandardCharsets.UTF_8);

		FileValidation validation = this.validator.validate(write(this.dir, NAME, concat(start, longLine, end)));

		assertThat(codes(validation)).containsExactly("F_ENCODING@4", "F_RECORD@4");
	}

	@Test
	void shouldSurviveBinaryGarbage() throws IOException {
		byte[] garbage = new byte[3 * 1024 * 1024];
		new Random(42).nextBytes(garbage);
		Path file = write(this.dir, NAME, garbage);

		FileValidation validation = this.validator.validate(file);

		assertThat(validation.decisive()).get().extracting(FileProblem::code).isEqualTo("F_HEADER");
		assertThat(validation.problems().size()).isLessThanOrEqualTo(ClaimFileScanner.MAX_PROBLEMS + 10);
		assertThat(validation.sha256()).isEqualTo(ClaimFiles.sha256(file));
		assertThat(validation.size()).isEqualTo(garbage.length);
		assertThat(validation.charset()).isNull();
	}

	@Test
	void shouldRejectAFileWithoutTrailer() throws IOException {
		assertThat(codes(validate(lines(HEADER, CLAIM, LINE)))).containsExactly("F_TRAILER@0");
		assertThat(codes(validate(lines(HEADER)))).containsExactly("F_TRAILER@0");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "T|2|1|909.23", "T|1|2|909.23", "T|1|1|909.24", "T|1|1|909.2",
			"T|01|1|909.23x", "T||1|909.23", "T|1|1|-909.23", "T|1|1|0909.230" })
	void shouldRejectATrailerThatDiffersFromTheRecords(String trailer) throws IOException {
		FileValidation validation = validate(lines(HEADER, CLAIM, LINE, trailer));

		assertThat(codes(validation)).containsExactly("F_TRAILER_MISMATCH@4");
	}

	@Test
	void shouldAcceptLeadingZerosInTrailerCounts() throws IOException {
		assertThat(codes(validate(lines(HEADER, CLAIM, LINE, "T|001|1|909.23")))).isEmpty();
	}

	@Test
	void shouldTakeAClaimTotalThatDoesNotParseForAMismatch() throws IOException {
		String badTotal = CLAIM.replace("909.23", "909,23");

		FileValidation validation = validate(lines(HEADER, badTotal, LINE, TRAILER));

		assertThat(codes(validation)).containsExactly("F_TRAILER_MISMATCH@4");
		assertThat(validation.decisive().get().message()).contains("the C total of line 2 is not an amount");
	}

	@Test
	void shouldListEveryProblemDecisiveFirstInTableOrder() throws IOException {
		byte[] head = lines(HEADER, CLAIM, "X|junk", LINE).getBytes(StandardCharsets.UTF_8);
		byte[] bad = "L|2|X|\u00ff|1.00|1|1.00\n".getBytes(StandardCharsets.ISO_8859_1);

		FileValidation validation = this.validator.validate(write(this.dir, NAME, concat(head, bad)));

		assertThat(codes(validation)).containsExactly("F_ENCODING@5", "F_RECORD@3", "F_TRAILER@0");
	}

	@Test
	void shouldMergeTheCallersProblemsInTableOrder() throws IOException {
		FileValidation validation = validate(lines(HEADER, CLAIM, LINE, "T|1|1|1.00"))
			.withProblem(new FileProblem(FileProblem.F_SEQUENCE, 0, "Seq 001 was accepted before."))
			.withProblem(new FileProblem(FileProblem.F_DUPLICATE, 0, "The same content was accepted before."));

		assertThat(codes(validation)).containsExactly("F_TRAILER_MISMATCH@4", "F_DUPLICATE@0", "F_SEQUENCE@0");
		assertThat(validate(lines(HEADER, CLAIM, LINE, TRAILER))
			.withProblem(new FileProblem(FileProblem.F_DUPLICATE, 0, "Duplicate."))
			.decisive()).get().extracting(FileProblem::code).isEqualTo("F_DUPLICATE");
	}

	@Test
	void shouldBoundTheProblemListButKeepTheFirstOfEachCode() throws IOException {
		StringBuilder text = new StringBuilder(HEADER).append('\n').append(CLAIM).append('\n');
		for (int i = 0; i < 3000; i++) {
			text.append("X|junk\n");
		}
		byte[] bad = "L|2|X|\u00ff|1.00|1|1.00\n".getBytes(StandardCharsets.ISO_8859_1);

		FileValidation validation = this.validator
			.validate(write(this.dir, NAME, concat(text.toString().getBytes(StandardCharsets.UTF_8), bad)));

		assertThat(validation.problemsTruncated()).isTrue();
		assertThat(validation.problems()).hasSize(ClaimFileScanner.MAX_PROBLEMS + 2);
		assertThat(codes(validation).subList(0, 2)).containsExactly("F_ENCODING@3003", "F_RECORD@3");
		assertThat(codes(validation)).endsWith("F_TRAILER@0");
	}

	@Test
	void shouldStreamALargeFile() throws IOException {
		Path file = this.dir.resolve(NAME);
		int claims = 100_000;
		try (OutputStream raw = Files.newOutputStream(file);
				BufferedWriter out = new BufferedWriter(new java.io.OutputStreamWriter(raw, StandardCharsets.UTF_8))) {
			out.write(HEADER + "\n");
			for (int i = 0; i < claims; i++) {
				out.write(CLAIM.replace("C1", "C" + i) + "\n" + LINE + "\n");
			}
			out.write("T|" + claims + "|" + claims + "|" + Money.ofFen(90923L * claims) + "\n");
		}

		FileValidation validation = this.validator.validate(file);

		assertThat(validation.problems()).isEmpty();
		assertThat(validation.claimCount()).isEqualTo(claims);
		assertThat(validation.totalAmount()).isEqualTo(Money.ofFen(90923L * claims));
		assertThat(validation.sha256()).isEqualTo(ClaimFiles.sha256(file));
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

}
