package org.medclaims.intake;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.medclaims.intake.format.ClaimFileLayout;

/**
 * Claim files for the intake tests: valid by default, with the trailer computed from the
 * records.
 */
final class ClaimFileBuilder {

	static final String PATIENT = "33028219400911796X";

	private final String hospital;

	private final String date;

	private final String seq;

	private String charset = "UTF-8";

	private String newline = "\n";

	private final List<String> records = new ArrayList<>();

	private ClaimFileBuilder(String hospital, String date, String seq) {
		this.hospital = hospital;
		this.date = date;
		this.seq = seq;
	}

	static ClaimFileBuilder file(String hospital, String date, String seq) {
		return new ClaimFileBuilder(hospital, date, seq);
	}

	static ClaimFileBuilder file(String seq) {
		return file("H330282001", "20131231", seq);
	}

	String name() {
		return this.hospital + "_" + this.date + "_" + this.seq + ".clm";
	}

	ClaimFileBuilder charset(String charset) {
		this.charset = charset;
		return this;
	}

	ClaimFileBuilder crlf() {
		this.newline = "\r\n";
		return this;
	}

	/** A valid outpatient claim of one line, 10.00 yuan. */
	ClaimFileBuilder claim(String claimNo) {
		return claim(claimNo, PATIENT, "张三");
	}

	ClaimFileBuilder claim(String claimNo, String patientId, String name) {
		return record(ClaimFileLayout.claim(claimNo, patientId, name, "OUT", "20130705", "20130705", "K35.9", null,
				"10.00", 1))
			.record(ClaimFileLayout.line(1, "X00001", "药品1", "5.00", "2", "10.00"));
	}

	ClaimFileBuilder record(String record) {
		this.records.add(record);
		return this;
	}

	String text() {
		long claims = this.records.stream().filter(r -> r.startsWith("C|")).count();
		long lines = this.records.stream().filter(r -> r.startsWith("L|")).count();
		BigDecimal total = this.records.stream()
			.filter(r -> r.startsWith("C|"))
			.map(r -> ClaimFileLayout.fields(r)[9])
			.map(BigDecimal::new)
			.reduce(new BigDecimal("0.00"), BigDecimal::add);
		List<String> all = new ArrayList<>();
		all.add(ClaimFileLayout.header(this.hospital, this.date, this.seq, this.charset));
		all.addAll(this.records);
		all.add(ClaimFileLayout.trailer(claims, lines, total.toPlainString()));
		return String.join(this.newline, all) + this.newline;
	}

	byte[] bytes() {
		return text().getBytes("GBK".equals(this.charset) ? Charset.forName("GBK") : StandardCharsets.UTF_8);
	}

	Path writeTo(Path dir) throws IOException {
		return writeTo(dir, name());
	}

	Path writeTo(Path dir, String name) throws IOException {
		Files.createDirectories(dir);
		return Files.write(dir.resolve(name), bytes());
	}

}
