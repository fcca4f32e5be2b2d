package org.medclaims.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {

	static final int TOTAL = 9;
	static final int LINE_COUNT = 10;
	static final LocalDate ADJUSTMENT = LocalDate.of(2013, 5, 1);
	static final LocalDate EARLIEST = LocalDate.of(2013, 1, 1);
	static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
	static final Pattern FILE_NAME = Pattern.compile("([A-Z0-9]{4,20})_(\\d{8})_(\\d{3})\\.clm");
	static final Pattern CLAIM_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");
	static final Pattern AMOUNT = Pattern.compile("\\d{1,10}\\.\\d{2}");
	static final Pattern UNIT_PRICE = Pattern.compile("\\d{1,10}\\.\\d{2,4}");
	static final Pattern QUANTITY = Pattern.compile("\\d{1,10}(\\.\\d{1,3})?");

	@TempDir
	static Path scenarioDir;

	static DataGenerator.Result result;
	static Scenario scenario;

	@BeforeAll
	static void generateScenario() throws IOException {
		DataGenerator.Options options = DataGenerator.Options.of(42, 12_000, scenarioDir)
			.withPersons(1_500)
			.withClaimsPerFile(250)
			.withGbkFraction(0.3)
			.withRejectFraction(0.03);
		result = DataGenerator.generate(options);
		scenario = Scenario.read(scenarioDir);
	}

	// ------------------------------------------------------------------ determinism

	@Test
	void sameOptionsGiveIdenticalBytesAndAnotherSeedDiffers(@TempDir Path a, @TempDir Path b, @TempDir Path c)
			throws IOException {
		DataGenerator.Options options = DataGenerator.Options.of(7, 3_000, a).withClaimsPerFile(100).withPersons(400);
		DataGenerator.generate(options);
		DataGenerator.generate(options.withOut(b));
		DataGenerator.generate(new DataGenerator.Options(8, 400, 3_000, 100, 12, 0.2, 0.01, c));

		Map<String, byte[]> first = contents(a);
		Map<String, byte[]> second = contents(b);
		assertThat(first).isNotEmpty();
		assertThat(second.keySet()).isEqualTo(first.keySet());
		for (String name : first.keySet()) {
			assertThat(second.get(name)).as(name).isEqualTo(first.get(name));
		}
		Map<String, byte[]> other = contents(c);
		assertThat(Arrays.equals(other.get("reference/persons.csv"), first.get("reference/persons.csv"))).isFalse();
		assertThat(other.keySet().equals(first.keySet())
				&& other.keySet().stream().allMatch(k -> Arrays.equals(other.get(k), first.get(k))))
			.isFalse();
	}

	private static Map<String, byte[]> contents(Path root) throws IOException {
		Map<String, byte[]> map = new TreeMap<>();
		try (Stream<Path> s = Files.walk(root)) {
			for (Path p : s.filter(Files::isRegularFile).toList()) {
				map.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
			}
		}
		return map;
	}

	// ------------------------------------------------------------------ claim files

	@Test
	void resultMatchesTheFilesWritten() {
		assertThat(result.claims()).isEqualTo(12_000).isEqualTo(scenario.claims.size());
		assertThat(result.lines()).isEqualTo(scenario.lineCount);
		assertThat(result.files()).isEqualTo(scenario.files.size()).isEqualTo(48);
		assertThat(result.bytes()).isEqualTo(scenario.bytes);
		double meanLines = (double) result.lines() / result.claims();
		assertThat(meanLines).isBetween(4.3, 4.7);
	}

	@Test
	void everyLineAmountTotalAndTrailerAddsUpExceptWhereARejectionWasPlanned() {
		int checkedLines = 0;
		for (ClaimRec c : scenario.claims) {
			long sum = 0;
			int wrong = 0;
			for (String[] l : c.lines) {
				assertThat(l[4]).matches(UNIT_PRICE);
				assertThat(l[5]).matches(QUANTITY);
				assertThat(l[6]).matches(AMOUNT);
				BigDecimal qty = new BigDecimal(l[5]);
				assertThat(qty.signum()).isPositive();
				long expected = new BigDecimal(l[4]).multiply(qty)
					.setScale(2, RoundingMode.HALF_UP)
					.unscaledValue()
					.longValueExact();
				long actual = fen(l[6]);
				if (expected != actual) {
					wrong++;
				}
				sum += actual;
				checkedLines++;
			}
			assertThat(wrong).as(c.toString()).isEqualTo("E_LINE_AMOUNT".equals(c.expected) ? 1 : 0);
			if ("E_CLAIM_TOTAL".equals(c.expected)) {
				assertThat(fen(c.f[TOTAL])).as(c.toString()).isNotEqualTo(sum);
			}
			else {
				assertThat(fen(c.f[TOTAL])).as(c.toString()).isEqualTo(sum);
			}
			assertThat(Integer.parseInt(c.f[LINE_COUNT])).isEqualTo(c.lines.size()).isBetween(1, 8);
		}
		assertThat(checkedLines).isEqualTo(scenario.lineCount);
		for (FileRec f : scenario.files) {
			assertThat(f.trailer).hasSize(4);
			assertThat(Integer.parseInt(f.trailer[1])).isEqualTo(f.claims);
			assertThat(Integer.parseInt(f.trailer[2])).isEqualTo(f.lines);
			assertThat(fen(f.trailer[3])).isEqualTo(f.totalOfClaims);
		}
	}

	@Test
	void fileNamesHeadersAndEncodingsAreValid() throws IOException {
		Set<String> charsets = new TreeSet<>();
		boolean crlf = false;
		boolean lf = false;
		for (FileRec f : scenario.files) {
			assertThat(f.name).matches(FILE_NAME);
			var m = FILE_NAME.matcher(f.name);
			assertThat(m.matches()).isTrue();
			assertThat(f.header).containsExactly("H", "MCF1", m.group(1), m.group(2), m.group(3), f.charset);
			charsets.add(f.charset);
			crlf |= f.crlf;
			lf |= f.lf;
			// strict decoding in the declared charset (Scenario.read already does); GBK
			// files are not UTF-8
			if (f.charset.equals("GBK")) {
				byte[] bytes = Files.readAllBytes(scenarioDir.resolve("inbound").resolve(f.name));
				assertThat(decodes(bytes, StandardCharsets.UTF_8)).as(f.name).isFalse();
				assertThat(decodes(bytes, Charset.forName("GBK"))).isTrue();
			}
		}
		assertThat(charsets).containsExactly("GBK", "UTF-8");
		assertThat(crlf).isTrue();
		assertThat(lf).isTrue();
		try (Stream<Path> s = Files.list(scenarioDir.resolve("inbound"))) {
			assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".clm"))).isEmpty();
		}
	}

	private static boolean decodes(byte[] bytes, Charset cs) {
		try {
			cs.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	@Test
	void patientIdsDatesAndCoverageAreValidExceptWherePlanned() {
		Reference ref = scenario.reference;
		for (ClaimRec c : scenario.claims) {
			String id = c.f[2];
			if ("E_PERSON_ID".equals(c.expected)) {
				assertThat(validId(id)).as(c.toString()).isFalse();
				continue;
			}
			assertThat(validId(id)).as(c.toString()).isTrue();
			LocalDate start = LocalDate.parse(c.f[5], YMD);
			LocalDate end = LocalDate.parse(c.f[6], YMD);
			boolean datesOk = !start.isAfter(end) && !end.isAfter(c.file.date) && !end.isBefore(EARLIEST);
			assertThat(datesOk).as(c.toString()).isEqualTo(!"E_DATES".equals(c.expected));
			if (!datesOk) {
				continue;
			}
			assertThat(c.f[4]).isIn("OUT", "INP", "SPD");
			if (!c.f[4].equals("INP")) {
				assertThat(start).isEqualTo(end);
			}
			boolean sdOk = !c.f[4].equals("SPD") || c.f[8].matches("SD0[1-5]");
			assertThat(sdOk).as(c.toString()).isEqualTo(!"E_SPECIAL_DISEASE".equals(c.expected));
			String status = ref.status.get(id);
			if ("E_COVERAGE_SUSPENDED".equals(c.expected)) {
				assertThat(status).isEqualTo("SUSPENDED");
			}
			else if ("E_NOT_INSURED".equals(c.expected)) {
				assertThat(status).isNull();
				assertThat(ref.covered(id, end)).as(c.toString()).isFalse();
			}
			else if (status != null) {
				assertThat(status).as(c.toString()).isEqualTo("ACTIVE");
			}
			else {
				assertThat(ref.covered(id, end)).as(c.toString()).isTrue();
			}
		}
	}

	@Test
	void claimNumbersAreUniquePerHospitalAmongClaimsNotRejected() {
		Map<String, Set<String>> accepted = new HashMap<>();
		int resubmitted = 0;
		Set<String> rejectedNumbers = new HashSet<>();
		for (ClaimRec c : scenario.claims) { // files in name order, claims in file order
			assertThat(c.f[1]).matches(CLAIM_NO);
			String hospital = c.file.header[2];
			Set<String> seen = accepted.computeIfAbsent(hospital, k -> new HashSet<>());
			String key = hospital + "/" + c.f[1];
			if ("E_DUPLICATE_CLAIM".equals(c.expected)) {
				assertThat(seen).as(c.toString()).contains(c.f[1]);
			}
			else {
				assertThat(seen).as(c.toString()).doesNotContain(c.f[1]);
				if (c.expected == null) {
					seen.add(c.f[1]);
					if (rejectedNumbers.contains(key)) {
						resubmitted++;
					}
				}
				else {
					rejectedNumbers.add(key);
				}
			}
		}
		assertThat(resubmitted).isEqualTo(result.resubmissions()).isPositive();
	}

	@Test
	void scenarioCoversVisitTypesPolicyPeriodsYearBoundaryAndRejections() {
		Set<String> visitTypes = new TreeSet<>();
		boolean before = false;
		boolean after = false;
		boolean in2014 = false;
		boolean inpAcrossNewYear = false;
		boolean certifiedSpd = false;
		boolean uncertifiedSpd = false;
		boolean uninsuredRelative = false;
		boolean overPrice = false;
		boolean notInCatalog = false;
		Map<String, Long> inpatientByPatient = new HashMap<>();
		Reference ref = scenario.reference;
		for (ClaimRec c : scenario.claims) {
			if (c.expected != null) {
				continue;
			}
			visitTypes.add(c.f[4]);
			LocalDate start = LocalDate.parse(c.f[5], YMD);
			LocalDate end = LocalDate.parse(c.f[6], YMD);
			before |= end.isBefore(ADJUSTMENT);
			after |= !end.isBefore(ADJUSTMENT);
			in2014 |= end.getYear() == 2014;
			inpAcrossNewYear |= c.f[4].equals("INP") && start.getYear() == 2013 && end.getYear() == 2014;
			if (c.f[4].equals("SPD")) {
				if (ref.certified(c.f[2], c.f[8], end)) {
					certifiedSpd = true;
				}
				else {
					uncertifiedSpd = true;
				}
			}
			uninsuredRelative |= !ref.status.containsKey(c.f[2]);
			if (c.f[4].equals("INP") && end.getYear() == 2013) {
				inpatientByPatient.merge(c.f[2], fen(c.f[TOTAL]), Long::sum);
			}
			for (String[] l : c.lines) {
				BigDecimal max = ref.maxPrice.get(l[2]);
				overPrice |= max != null && new BigDecimal(l[4]).compareTo(max) > 0;
				notInCatalog |= !ref.items.contains(l[2]);
			}
		}
		assertThat(visitTypes).containsExactly("INP", "OUT", "SPD");
		assertThat(before).isTrue();
		assertThat(after).isTrue();
		assertThat(in2014).isTrue();
		assertThat(inpAcrossNewYear).isTrue();
		assertThat(certifiedSpd).isTrue();
		assertThat(uncertifiedSpd).isTrue();
		assertThat(uninsuredRelative).isTrue();
		assertThat(overPrice).isTrue();
		assertThat(notInCatalog).isTrue();
		// a few patients spend well beyond what the 150000.00 annual fund cap can cover
		assertThat(inpatientByPatient.values().stream().filter(v -> v > 200_000_00L).count()).isPositive();
		assertThat(scenario.claims.stream()
			.filter(c -> c.f[4].equals("INP"))
			.mapToLong(c -> fen(c.f[TOTAL]))
			.max()
			.orElse(0)).isGreaterThan(50_000_00L);

		Map<String, Long> planned = new TreeMap<>();
		scenario.claims.stream().filter(c -> c.expected != null).forEach(c -> planned.merge(c.expected, 1L, Long::sum));
		assertThat(planned.keySet()).containsExactlyInAnyOrder(DataGenerator.REJECTION_CODES);
		assertThat(planned).isEqualTo(result.rejections());
		long rejected = planned.values().stream().mapToLong(Long::longValue).sum();
		assertThat((double) rejected / result.claims()).isBetween(0.02, 0.04);
	}

	// ------------------------------------------------------------------ reference data

	@Test
	void referenceFilesHaveTheSpecHeadersAndValidPersons() throws IOException {
		Path ref = scenarioDir.resolve("reference");
		assertThat(firstLine(ref.resolve("persons.csv")))
			.isEqualTo("personId,name,category,status,currentAccount,historicalAccount");
		assertThat(firstLine(ref.resolve("family_bindings.csv")))
			.isEqualTo("grantorId,memberId,relation,validFrom,validTo");
		assertThat(firstLine(ref.resolve("hospitals.csv"))).isEqualTo("code,name,level,region,designated");
		assertThat(firstLine(ref.resolve("catalog.csv")))
			.isEqualTo("itemCode,name,selfPayRatio,maxUnitPrice,validFrom,validTo");
		assertThat(firstLine(ref.resolve("special_diseases.csv"))).isEqualTo("code,name");
		assertThat(firstLine(ref.resolve("certifications.csv"))).isEqualTo("personId,diseaseCode,validFrom,validTo");

		List<CSVRecord> persons = csv(ref.resolve("persons.csv"));
		assertThat(persons).hasSize(1_500);
		Set<String> ids = new HashSet<>();
		Set<String> categories = new TreeSet<>();
		Set<String> statuses = new TreeSet<>();
		boolean zeroCurrent = false;
		boolean zeroHistorical = false;
		for (CSVRecord p : persons) {
			assertThat(validId(p.get("personId"))).as(p.toString()).isTrue();
			assertThat(ids.add(p.get("personId"))).isTrue();
			assertThat(p.get("name")).matches("[\\u4e00-\\u9fa5]{2,3}");
			categories.add(p.get("category"));
			statuses.add(p.get("status"));
			assertThat(p.get("currentAccount")).matches(AMOUNT);
			assertThat(p.get("historicalAccount")).matches(AMOUNT);
			zeroCurrent |= p.get("currentAccount").equals("0.00");
			zeroHistorical |= p.get("historicalAccount").equals("0.00");
		}
		assertThat(categories).containsExactly("IN_SERVICE", "RETIRED");
		assertThat(statuses).containsExactly("ACTIVE", "SUSPENDED");
		assertThat(zeroCurrent).isTrue();
		assertThat(zeroHistorical).isTrue();

		for (CSVRecord c : csv(ref.resolve("certifications.csv"))) {
			assertThat(ids).contains(c.get("personId"));
			assertThat(c.get("diseaseCode")).matches("SD0[1-5]");
		}
		assertThat(csv(ref.resolve("special_diseases.csv"))).extracting(r -> r.get("code"))
			.containsExactly("SD01", "SD02", "SD03", "SD04", "SD05");

		List<CSVRecord> hospitals = csv(ref.resolve("hospitals.csv"));
		assertThat(hospitals).extracting(r -> r.get("level")).contains("COMMUNITY", "SECONDARY", "TERTIARY");
		assertThat(hospitals).extracting(r -> r.get("region")).contains("LOCAL", "OUT_OF_AREA");
		assertThat(hospitals.stream().filter(r -> r.get("region").equals("LOCAL")))
			.allMatch(r -> r.get("designated").equals("true"));
		Set<String> sending = new TreeSet<>();
		scenario.files.forEach(f -> sending.add(f.header[2]));
		assertThat(hospitals.stream().filter(r -> r.get("designated").equals("true")).map(r -> r.get("code")))
			.containsAll(sending);
	}

	@Test
	void familiesHaveUninsuredMembersTwoGrantorsAndDatesAroundTheAdjustment() throws IOException {
		Reference ref = scenario.reference;
		List<CSVRecord> bindings = csv(scenarioDir.resolve("reference/family_bindings.csv"));
		assertThat(bindings).hasSize(result.bindings());
		Map<String, Integer> grantorsPerMember = new HashMap<>();
		Set<String> relations = new TreeSet<>();
		Set<String> pairs = new HashSet<>();
		boolean fromBefore = false;
		boolean fromAfter = false;
		boolean withValidTo = false;
		Set<String> uninsured = new HashSet<>();
		for (CSVRecord b : bindings) {
			assertThat(ref.status).containsKey(b.get("grantorId"));
			assertThat(validId(b.get("memberId"))).isTrue();
			assertThat(b.get("memberId")).isNotEqualTo(b.get("grantorId"));
			assertThat(pairs.add(b.get("grantorId") + "/" + b.get("memberId"))).isTrue();
			if (!ref.status.containsKey(b.get("memberId"))) {
				uninsured.add(b.get("memberId"));
			}
			grantorsPerMember.merge(b.get("memberId"), 1, Integer::sum);
			relations.add(b.get("relation"));
			LocalDate from = LocalDate.parse(b.get("validFrom"));
			fromBefore |= from.isBefore(ADJUSTMENT);
			fromAfter |= from.isAfter(ADJUSTMENT);
			if (!b.get("validTo").isEmpty()) {
				withValidTo = true;
				assertThat(LocalDate.parse(b.get("validTo"))).isAfterOrEqualTo(from);
			}
		}
		assertThat(uninsured).hasSize(result.uninsured()).isNotEmpty();
		assertThat(grantorsPerMember.values()).contains(2);
		assertThat(relations).containsExactly("CHILD", "PARENT", "SPOUSE");
		assertThat(fromBefore).isTrue();
		assertThat(fromAfter).isTrue();
		assertThat(withValidTo).isTrue();
	}

	@Test
	void catalogRowsOfOneItemNeverOverlapAndAllClassesArePresent() throws IOException {
		Map<String, List<LocalDate[]>> periods = new TreeMap<>();
		boolean classA = false;
		boolean classB = false;
		boolean classC = false;
		boolean reduced = false;
		boolean withMax = false;
		for (CSVRecord r : csv(scenarioDir.resolve("reference/catalog.csv"))) {
			BigDecimal ratio = new BigDecimal(r.get("selfPayRatio"));
			assertThat(ratio).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
			classA |= ratio.signum() == 0;
			classC |= ratio.compareTo(BigDecimal.ONE) == 0;
			classB |= ratio.signum() > 0 && ratio.compareTo(BigDecimal.ONE) < 0;
			if (!r.get("maxUnitPrice").isEmpty()) {
				withMax = true;
				assertThat(r.get("maxUnitPrice")).matches(AMOUNT);
			}
			LocalDate from = LocalDate.parse(r.get("validFrom"));
			LocalDate to = r.get("validTo").isEmpty() ? LocalDate.MAX : LocalDate.parse(r.get("validTo"));
			assertThat(to).isAfterOrEqualTo(from);
			periods.computeIfAbsent(r.get("itemCode"), k -> new ArrayList<>()).add(new LocalDate[] { from, to });
		}
		for (var e : periods.entrySet()) {
			List<LocalDate[]> list = e.getValue();
			for (int i = 0; i < list.size(); i++) {
				for (int j = i + 1; j < list.size(); j++) {
					boolean overlap = !list.get(i)[1].isBefore(list.get(j)[0])
							&& !list.get(j)[1].isBefore(list.get(i)[0]);
					assertThat(overlap).as(e.getKey()).isFalse();
				}
			}
			if (list.size() == 2) {
				reduced = true;
				assertThat(list.get(0)[1]).isEqualTo(LocalDate.of(2013, 4, 30));
				assertThat(list.get(1)[0]).isEqualTo(ADJUSTMENT);
			}
		}
		assertThat(classA && classB && classC && reduced && withMax).isTrue();
	}

	// ------------------------------------------------------------------ command line

	@Test
	void commandLineWritesAndReports(@TempDir Path dir) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int rc = DataGenerator.run(
				new String[] { "--seed=3", "--claims=500", "--persons=100", "--claims-per-file=100",
						"--gbk-fraction=0.5", "--reject-fraction=0.05", "--out=" + dir },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(rc).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("5 files", "claims:    500", "lines:", "bytes:");
		try (Stream<Path> s = Files.list(dir.resolve("inbound"))) {
			assertThat(s.count()).isEqualTo(5);
		}
		// a second run into the same folder is refused rather than mixing old files in
		int again = DataGenerator.run(new String[] { "--seed=3", "--claims=500", "--out=" + dir },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(again).isEqualTo(2);
		assertThat(DataGenerator.run(new String[] { "--claims=5" }, new PrintStream(out), new PrintStream(err)))
			.isEqualTo(2);
		assertThat(DataGenerator.run(new String[] { "--seed=1", "--claims=x", "--out=" + dir }, new PrintStream(out),
				new PrintStream(err)))
			.isEqualTo(2);
		assertThat(DataGenerator.run(new String[] { "--bogus=1" }, new PrintStream(out), new PrintStream(err)))
			.isEqualTo(2);
	}

	@Test
	void independentCheckCharacterAgreesWithTheSpecExamples() {
		assertThat(validId("33028219400911796X")).isTrue();
		assertThat(validId("330282194901117928")).isTrue();
		assertThat(validId("330282194801163280")).isFalse();
	}

	// ------------------------------------------------------------------ helpers

	static long fen(String amount) {
		return new BigDecimal(amount).movePointRight(2).longValueExact();
	}

	/** ISO 7064 MOD 11-2, written independently of the generator. */
	static boolean validId(String id) {
		if (id == null || !id.matches("\\d{17}[0-9X]")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int weight = (1 << (17 - i)) % 11;
			sum += (id.charAt(i) - '0') * weight;
		}
		int check = (12 - sum % 11) % 11;
		return id.charAt(17) == (check == 10 ? 'X' : (char) ('0' + check));
	}

	static String firstLine(Path p) throws IOException {
		String s = Files.readString(p, StandardCharsets.UTF_8);
		return s.substring(0, s.indexOf("\r\n"));
	}

	static List<CSVRecord> csv(Path p) throws IOException {
		try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
			return parser.getRecords();
		}
	}

	static final class FileRec {

		String name;

		LocalDate date;

		String charset;

		String[] header;

		String[] trailer;

		int claims;

		int lines;

		long totalOfClaims;

		boolean crlf;

		boolean lf;

	}

	static final class ClaimRec {

		FileRec file;

		int lineNo;

		String[] f;

		List<String[]> lines = new ArrayList<>();

		String expected;

		@Override
		public String toString() {
			return file.name + ":" + lineNo + " " + String.join("|", f) + " expected " + expected;
		}

	}

	static final class Reference {

		final Map<String, String> status = new HashMap<>();

		final Map<String, List<String[]>> bindingsByMember = new HashMap<>();

		final Map<String, List<String[]>> certs = new HashMap<>();

		final Set<String> items = new HashSet<>();

		final Map<String, BigDecimal> maxPrice = new HashMap<>();

		static Reference read(Path dir) throws IOException {
			Reference r = new Reference();
			for (CSVRecord p : csv(dir.resolve("persons.csv"))) {
				r.status.put(p.get("personId"), p.get("status"));
			}
			for (CSVRecord b : csv(dir.resolve("family_bindings.csv"))) {
				r.bindingsByMember.computeIfAbsent(b.get("memberId"), k -> new ArrayList<>())
					.add(new String[] { b.get("grantorId"), b.get("validFrom"), b.get("validTo") });
			}
			for (CSVRecord c : csv(dir.resolve("certifications.csv"))) {
				r.certs.computeIfAbsent(c.get("personId"), k -> new ArrayList<>())
					.add(new String[] { c.get("diseaseCode"), c.get("validFrom"), c.get("validTo") });
			}
			for (CSVRecord c : csv(dir.resolve("catalog.csv"))) {
				r.items.add(c.get("itemCode"));
				if (!c.get("maxUnitPrice").isEmpty()) {
					r.maxPrice.put(c.get("itemCode"), new BigDecimal(c.get("maxUnitPrice")));
				}
			}
			return r;
		}

		/**
		 * Uninsured relative covered on that day: strictly inside a binding to an ACTIVE
		 * grantor, from 2013-05-01.
		 */
		boolean covered(String member, LocalDate day) {
			if (day.isBefore(ADJUSTMENT)) {
				return false;
			}
			for (String[] b : bindingsByMember.getOrDefault(member, List.of())) {
				if ("ACTIVE".equals(status.get(b[0])) && !day.isBefore(LocalDate.parse(b[1]))
						&& (b[2].isEmpty() || day.isBefore(LocalDate.parse(b[2])))) {
					return true;
				}
			}
			return false;
		}

		boolean certified(String person, String disease, LocalDate day) {
			for (String[] c : certs.getOrDefault(person, List.of())) {
				if (c[0].equals(disease) && !day.isBefore(LocalDate.parse(c[1]))
						&& (c[2].isEmpty() || day.isBefore(LocalDate.parse(c[2])))) {
					return true;
				}
			}
			return false;
		}

	}

	static final class Scenario {

		final List<FileRec> files = new ArrayList<>();

		final List<ClaimRec> claims = new ArrayList<>();

		long lineCount;

		long bytes;

		Reference reference;

		static Scenario read(Path root) throws IOException {
			Scenario s = new Scenario();
			s.reference = Reference.read(root.resolve("reference"));
			Map<String, String> expected = new HashMap<>();
			for (CSVRecord e : csv(root.resolve("expected-rejections.csv"))) {
				expected.put(e.get("file") + ":" + e.get("line"), e.get("code"));
			}
			List<Path> paths;
			try (Stream<Path> st = Files.list(root.resolve("inbound"))) {
				paths = st.sorted().toList();
			}
			for (Path p : paths) {
				byte[] bytes = Files.readAllBytes(p);
				s.bytes += bytes.length;
				FileRec f = new FileRec();
				f.name = p.getFileName().toString();
				int offset = 0;
				if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
						&& (bytes[2] & 0xff) == 0xBF) {
					offset = 3;
				}
				int firstEol = offset;
				while (bytes[firstEol] != '\n' && bytes[firstEol] != '\r') {
					assertThat(bytes[firstEol] & 0xff).as("ASCII header").isLessThan(0x80);
					firstEol++;
				}
				String headerText = new String(bytes, offset, firstEol - offset, StandardCharsets.US_ASCII);
				f.header = headerText.split("\\|", -1);
				f.charset = f.header[5];
				f.date = LocalDate.parse(f.header[3], YMD);
				String text = Charset.forName(f.charset)
					.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
					.toString();
				String[] raw = text.split("\n", -1);
				List<String> records = new ArrayList<>();
				for (int i = 0; i < raw.length; i++) {
					String line = raw[i];
					if (i == raw.length - 1 && line.isEmpty()) {
						break; // terminator after the last record
					}
					if (line.endsWith("\r")) {
						f.crlf = true;
						line = line.substring(0, line.length() - 1);
					}
					else if (i < raw.length - 1) {
						f.lf = true;
					}
					assertThat(line).doesNotContain("\r");
					records.add(line);
				}
				assertThat(records.get(0)).isEqualTo(headerText);
				ClaimRec current = null;
				for (int i = 1; i < records.size(); i++) {
					String[] fields = records.get(i).split("\\|", -1);
					switch (fields[0]) {
						case "C" -> {
							assertThat(fields).hasSize(11);
							current = new ClaimRec();
							current.file = f;
							current.lineNo = i + 1;
							current.f = fields;
							current.expected = expected.get(f.name + ":" + (i + 1));
							s.claims.add(current);
							f.claims++;
							f.totalOfClaims += fen(fields[TOTAL]);
						}
						case "L" -> {
							assertThat(fields).hasSize(7);
							assertThat(current).isNotNull();
							assertThat(Integer.parseInt(fields[1])).isEqualTo(current.lines.size() + 1);
							current.lines.add(fields);
							f.lines++;
							s.lineCount++;
						}
						case "T" -> {
							assertThat(i).as(f.name + " T is last").isEqualTo(records.size() - 1);
							f.trailer = fields;
						}
						default ->
							throw new AssertionError(f.name + ":" + (i + 1) + " unexpected record " + records.get(i));
					}
				}
				assertThat(f.trailer).as(f.name).isNotNull();
				s.files.add(f);
			}
			assertThat(expected).hasSize((int) s.claims.stream().filter(c -> c.expected != null).count());
			return s;
		}

	}

}
