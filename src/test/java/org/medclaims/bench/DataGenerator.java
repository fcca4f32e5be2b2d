package org.medclaims.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.medclaims.intake.format.ClaimFileLayout;
import org.medclaims.system.PersonIds;

/**
 * Deterministic generator of reference data and claim files for tests and benchmarks.
 *
 * <p>
 * Writes {@code <out>/reference/*.csv} (reference-data.md), {@code <out>/inbound/*.clm}
 * (claim-files.md) and {@code <out>/expected-rejections.csv} (file, line, claimNo, code
 * of every claim the generator made invalid on purpose). The same {@link Options} always
 * give byte-identical output: one {@link SplittableRandom} per section, seeded from the
 * seed, no clock and no hash-ordered collections. Claims are written as they are
 * generated; only the persons and uninsured relatives are held, in primitive arrays.
 */
public final class DataGenerator {

	/**
	 * Claim-level rejections the generator produces on purpose, in the order they are
	 * drawn.
	 */
	public static final String[] REJECTION_CODES = { "E_PERSON_ID", "E_DATES", "E_LINE_AMOUNT", "E_CLAIM_TOTAL",
			"E_DUPLICATE_CLAIM", "E_NOT_INSURED", "E_COVERAGE_SUSPENDED", "E_SPECIAL_DISEASE" };

	/**
	 * What to generate.
	 *
	 * @param seed random seed; same options give byte-identical output
	 * @param persons insured persons in persons.csv (uninsured relatives come on top)
	 * @param claims claims in all files (resubmissions of rejected claims included)
	 * @param claimsPerFile claims per file (the last file takes the rest)
	 * @param hospitals designated LOCAL hospitals sending files (one OUT_OF_AREA is
	 * added)
	 * @param gbkFraction fraction of files encoded in GBK
	 * @param rejectFraction fraction of claims made invalid on purpose (claim-level
	 * codes)
	 * @param out output folder
	 */
	public record Options(long seed, int persons, long claims, int claimsPerFile, int hospitals, double gbkFraction,
			double rejectFraction, Path out) {

		public Options {
			if (persons < 10) {
				throw new IllegalArgumentException("persons must be at least 10");
			}
			if (claims < 0) {
				throw new IllegalArgumentException("claims must not be negative");
			}
			if (claimsPerFile < 1) {
				throw new IllegalArgumentException("claims per file must be at least 1");
			}
			if (hospitals < 3 || hospitals > 999) {
				throw new IllegalArgumentException("hospitals must be between 3 and 999");
			}
			if (!(gbkFraction >= 0 && gbkFraction <= 1)) {
				throw new IllegalArgumentException("gbk fraction must be between 0 and 1");
			}
			if (!(rejectFraction >= 0 && rejectFraction <= 1)) {
				throw new IllegalArgumentException("reject fraction must be between 0 and 1");
			}
			if (out == null) {
				throw new IllegalArgumentException("out is required");
			}
		}

		/**
		 * Defaults: one person per 8 claims (at least 200), 1000 claims a file, 12
		 * hospitals, 20% GBK, 1% rejections.
		 */
		public static Options of(long seed, long claims, Path out) {
			return new Options(seed, defaultPersons(claims), claims, 1000, 12, 0.2, 0.01, out);
		}

		public Options withPersons(int p) {
			return new Options(seed, p, claims, claimsPerFile, hospitals, gbkFraction, rejectFraction, out);
		}

		public Options withClaimsPerFile(int c) {
			return new Options(seed, persons, claims, c, hospitals, gbkFraction, rejectFraction, out);
		}

		public Options withHospitals(int h) {
			return new Options(seed, persons, claims, claimsPerFile, h, gbkFraction, rejectFraction, out);
		}

		public Options withGbkFraction(double f) {
			return new Options(seed, persons, claims, claimsPerFile, hospitals, f, rejectFraction, out);
		}

		public Options withRejectFraction(double f) {
			return new Options(seed, persons, claims, claimsPerFile, hospitals, gbkFraction, f, out);
		}

		public Options withOut(Path o) {
			return new Options(seed, persons, claims, claimsPerFile, hospitals, gbkFraction, rejectFraction, o);
		}

		static int defaultPersons(long claims) {
			return (int) Math.max(200, Math.min(5_000_000, claims / 8));
		}
	}

	/**
	 * What was written.
	 *
	 * @param files claim files
	 * @param gbkFiles of which GBK
	 * @param claims C records
	 * @param lines L records
	 * @param bytes bytes of all claim files
	 * @param referenceBytes bytes of the six CSVs
	 * @param persons rows of persons.csv
	 * @param uninsured relatives bound in family_bindings.csv who are not in persons.csv
	 * @param bindings rows of family_bindings.csv
	 * @param rejections claims made invalid on purpose, by expected code
	 * @param resubmissions rejected claims sent again, corrected, under the same number
	 */
	public record Result(int files, int gbkFiles, long claims, long lines, long bytes, long referenceBytes, int persons,
			int uninsured, int bindings, SortedMap<String, Long> rejections, long resubmissions) {
	}

	public static void main(String[] args) {
		int rc = run(args);
		if (rc != 0) {
			System.exit(rc);
		}
	}

	/**
	 * Command-line entry: returns the exit code (0 ok, 2 bad arguments, 1 I/O failure).
	 */
	public static int run(String[] args) {
		return run(args, System.out, System.err);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		Long seed = null;
		Long claims = null;
		Integer persons = null;
		Path dir = null;
		int perFile = 1000;
		int hospitals = 12;
		double gbk = 0.2;
		double reject = 0.01;
		try {
			for (String arg : args) {
				if (arg.equals("--help") || arg.equals("-h")) {
					out.println(USAGE);
					return 0;
				}
				int eq = arg.indexOf('=');
				if (!arg.startsWith("--") || eq < 0) {
					err.println("Unexpected argument '" + arg + "': use --name=value options (see --help).");
					return 2;
				}
				String name = arg.substring(2, eq);
				String value = arg.substring(eq + 1);
				switch (name) {
					case "seed" -> seed = Long.parseLong(value);
					case "claims" -> claims = Long.parseLong(value);
					case "persons" -> persons = Integer.parseInt(value);
					case "out" -> dir = Path.of(value);
					case "claims-per-file" -> perFile = Integer.parseInt(value);
					case "hospitals" -> hospitals = Integer.parseInt(value);
					case "gbk-fraction" -> gbk = Double.parseDouble(value);
					case "reject-fraction" -> reject = Double.parseDouble(value);
					default -> {
						err.println("Unknown option --" + name + ": see --help for the options.");
						return 2;
					}
				}
			}
		}
		catch (NumberFormatException e) {
			err.println(
					"Option value is not a number (" + e.getMessage() + "): give plain numbers, e.g. --claims=10000.");
			return 2;
		}
		if (seed == null || claims == null || dir == null) {
			err.println("Give at least --seed=N --claims=N --out=DIR (see --help).");
			return 2;
		}
		Options options;
		try {
			options = new Options(seed, persons == null ? Options.defaultPersons(claims) : persons, claims, perFile,
					hospitals, gbk, reject, dir);
		}
		catch (IllegalArgumentException e) {
			err.println("Invalid option: " + e.getMessage() + ".");
			return 2;
		}
		long started = System.nanoTime();
		Result r;
		try {
			r = generate(options);
		}
		catch (IllegalStateException e) {
			err.println(e.getMessage());
			return 2;
		}
		catch (IOException e) {
			err.println("Could not write the data under " + dir + ": " + e + ". Check the folder and free space.");
			return 1;
		}
		double secs = (System.nanoTime() - started) / 1e9;
		out.printf("reference: %s (%d persons, %d uninsured relatives, %d family bindings, %d bytes)%n",
				dir.resolve("reference"), r.persons(), r.uninsured(), r.bindings(), r.referenceBytes());
		out.printf("inbound:   %s (%d files, %d of them GBK)%n", dir.resolve("inbound"), r.files(), r.gbkFiles());
		out.printf("claims:    %d, lines: %d, bytes: %d (%.1f MB)%n", r.claims(), r.lines(), r.bytes(),
				r.bytes() / 1048576.0);
		long rejected = r.rejections().values().stream().mapToLong(Long::longValue).sum();
		out.printf("rejections on purpose: %d %s, resubmitted corrected: %d (listed in %s)%n", rejected, r.rejections(),
				r.resubmissions(), dir.resolve("expected-rejections.csv"));
		out.printf("took %.1f s%n", secs);
		return 0;
	}

	static final String USAGE = """
			usage: DataGenerator --seed=N --claims=N --out=DIR [--persons=N] [--claims-per-file=N]
			                     [--hospitals=N] [--gbk-fraction=F] [--reject-fraction=F]
			  writes DIR/reference/*.csv, DIR/inbound/*.clm and DIR/expected-rejections.csv;
			  defaults: persons = claims/8 (at least 200), 1000 claims per file, 12 hospitals,
			  gbk-fraction 0.2, reject-fraction 0.01. DIR/inbound must not contain files yet.""";

	/** Generates everything described by {@code options}. */
	public static Result generate(Options options) throws IOException {
		return new Engine(options).run();
	}

	// ------------------------------------------------------------------------------------------
	// Calendar: days are counted from 2012-01-01.

	static final LocalDate BASE = LocalDate.of(2012, 1, 1);
	static final int D2012_06_01 = day(2012, 6, 1);
	static final int D2012_12_01 = day(2012, 12, 1);
	static final int D2013 = day(2013, 1, 1);
	static final int D2013_03_15 = day(2013, 3, 15);
	static final int D2013_04_30 = day(2013, 4, 30);
	static final int D2013_05_01 = day(2013, 5, 1);
	static final int D2013_05_02 = day(2013, 5, 2);
	static final int D2013_07_01 = day(2013, 7, 1);
	static final int D2013_09_30 = day(2013, 9, 30);
	static final int FIRST_FILE = day(2013, 1, 8);
	static final int LAST_FILE = day(2014, 2, 10);
	static final int LAST_SERVICE = day(2014, 1, 31);
	static final int OPEN = Short.MAX_VALUE;

	private static final int CACHE_DAYS = 3 * 366 + 60;

	private static final String[] COMPACT = new String[CACHE_DAYS];

	private static final String[] ISO = new String[CACHE_DAYS];

	static {
		for (int d = 0; d < CACHE_DAYS; d++) {
			LocalDate date = BASE.plusDays(d);
			COMPACT[d] = String.format(Locale.ROOT, "%04d%02d%02d", date.getYear(), date.getMonthValue(),
					date.getDayOfMonth());
			ISO[d] = date.toString();
		}
	}

	static int day(int y, int m, int d) {
		return (int) (LocalDate.of(y, m, d).toEpochDay() - BASE.toEpochDay());
	}

	static String compact(int d) {
		return d >= 0 && d < CACHE_DAYS ? COMPACT[d] : BASE.plusDays(d).toString().replace("-", "");
	}

	static String iso(int d) {
		return d >= 0 && d < CACHE_DAYS ? ISO[d] : BASE.plusDays(d).toString();
	}

	// ------------------------------------------------------------------------------------------
	// Word lists (all characters are in GBK).

	static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤";
	static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华玉兰萍红建国文辉鹏亮海燕宁波浩宇晨欣怡佳琪轩涵雨婷飞鑫斌琳云峰志新春梅林";
	static final String[] DRUGS = { "阿莫西林胶囊", "头孢克肟片", "左氧氟沙星片", "阿奇霉素片", "布洛芬缓释胶囊", "对乙酰氨基酚片", "二甲双胍片", "格列美脲片",
			"胰岛素注射液", "硝苯地平控释片", "氨氯地平片", "缬沙坦胶囊", "阿托伐他汀钙片", "阿司匹林肠溶片", "氯吡格雷片", "奥美拉唑肠溶胶囊", "雷贝拉唑钠肠溶片", "蒙脱石散",
			"复方甘草片", "氨溴索口服液", "葡萄糖注射液", "氯化钠注射液", "头孢曲松钠注射剂", "甲硝唑注射液", "地塞米松注射液", "维生素C片", "复方丹参滴丸", "银杏叶片", "六味地黄丸",
			"板蓝根颗粒", "感冒灵颗粒", "连花清瘟胶囊", "莫匹罗星软膏", "红霉素眼膏", "环孢素软胶囊", "他克莫司胶囊", "促红细胞生成素注射液", "顺铂注射液", "紫杉醇注射液",
			"人凝血因子VIII" };
	static final String[] SERVICES = { "血常规", "尿常规", "肝功能检查", "肾功能检查", "血糖测定", "心电图", "胸部X线摄影", "腹部B超", "头颅CT", "腰椎磁共振",
			"静脉输液", "肌肉注射", "清创缝合", "换药", "针灸", "推拿", "中药煎药", "普通床位费", "重症监护床位费", "护理费", "诊查费", "血液透析", "雾化吸入", "吸氧",
			"胃镜检查", "肠镜检查", "病理检查", "放射治疗" };
	static final String[] BIG_ITEMS = { "冠状动脉支架置入术", "人工髋关节置换术", "心脏搭桥手术", "肿瘤切除术", "肾移植手术", "人工晶体", "心脏起搏器", "骨科内固定材料",
			"腹腔镜胆囊切除术", "介入栓塞治疗", "颅内血肿清除术", "造血干细胞移植" };
	static final String[] SD_NAMES = { "尿毒症透析", "器官移植抗排异", "恶性肿瘤放化疗", "血友病", "再生障碍性贫血" };
	static final String[] SD_DIAG = { "N18.5", "Z94.0", "C34.9", "D66", "D61.9" };
	static final String[] OUT_DIAG = { "J06.9", "J18.9", "I10", "E11.9", "K29.7", "M54.5", "R50.9", "H10.9", "L30.9",
			"N39.0" };
	static final String[] INP_DIAG = { "K35.9", "I63.9", "J18.9", "S72.0", "K80.2", "I21.9", "C16.9", "O80", "I50.9",
			"E11.9" };
	static final String[] TOWNS = { "浒山", "古塘", "白沙路", "坎墩", "宗汉", "观海卫", "周巷", "逍林", "桥头", "掌起", "龙山", "附海", "新浦",
			"长河", "崇寿", "横河", "匡堰", "庵东", "胜山", "天元", "师桥", "鸣鹤", "三北", "范市" };
	static final String[] TERTIARY = { "慈溪市人民医院", "宁波市第一医院", "宁波市李惠利医院", "宁波大学医学院附属医院", "宁波市第二医院", "宁波市医疗中心李惠利东部医院" };
	static final String[] SECONDARY = { "慈溪市第二人民医院", "慈溪市中医医院", "慈溪市第三人民医院", "慈溪市妇幼保健院", "慈溪市第六人民医院", "慈溪市红十字医院",
			"慈溪市第七人民医院", "慈溪市康复医院" };
	static final int[] REGIONS = { 330282, 330282, 330282, 330282, 330281, 330203, 330205, 330206, 330211, 330212,
			330226 };
	static final String[] RELATIONS = { "SPOUSE", "PARENT", "CHILD" };
	static final String[] B_RATIOS = { "0.05", "0.10", "0.10", "0.15", "0.15", "0.20", "0.30" };

	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	static String money(long fen) {
		if (fen < 0) {
			throw new IllegalArgumentException("negative amount " + fen);
		}
		long y = fen / 100;
		int f = (int) (fen % 100);
		return y + (f < 10 ? ".0" : ".") + f;
	}

	static String pad(long n, int width) {
		String s = Long.toString(n);
		if (s.length() >= width) {
			return s;
		}
		return "0".repeat(width - s.length()) + s;
	}

	// ------------------------------------------------------------------------------------------

	/** One generation run. */
	private static final class Engine {

		private final Options o;

		private final Path refDir;

		private final Path inDir;

		// person-ID allocator: serial counters per region and birth day, so every ID is
		// unique
		private static final int BIRTH_BASE = day(1925, 1, 1);

		private static final int BIRTH_DAYS = day(2013, 1, 1) - BIRTH_BASE;

		private final short[] idCounters = new short[REGIONS.length * BIRTH_DAYS];

		// persons
		private long[] pid;

		private byte[] pflags; // 1 retired, 2 suspended

		private byte[] certDisease; // 0 none, 1..5 SD01..SD05

		private short[] certFrom;

		private short[] certTo; // last day a claim may use (inclusive, one day before a
								// validTo)

		private int[] certified = new int[16];

		private int certifiedCount;

		private int[] suspended = new int[16];

		private int suspendedCount;

		private int[] heavy;

		// uninsured relatives: ID and the window in which a claim is covered
		private long[] uid = new long[1024];

		private short[] uFrom = new short[1024];

		private short[] uTo = new short[1024];

		private short[] uBound = new short[1024]; // earliest binding validFrom

		private int uCount;

		private int bindings;

		// hospitals
		private String[] hCode;

		private String[] hName;

		private String[] hLevel;

		private int[] hWeightCum;

		private long referenceBytes;

		// catalog
		private int itemCount;

		private String[] itemCode;

		private String[] itemName;

		private long[] itemPrice; // typical unit price, 1/10000 yuan

		private long[] itemMax; // maxUnitPrice in 1/10000 yuan, 0 when none

		private int bigFrom; // items [bigFrom, itemCount) are large inpatient items

		Engine(Options o) {
			this.o = o;
			this.refDir = o.out().resolve("reference");
			this.inDir = o.out().resolve("inbound");
		}

		Result run() throws IOException {
			Files.createDirectories(refDir);
			Files.createDirectories(inDir);
			try (Stream<Path> s = Files.list(inDir)) {
				if (s.findAny().isPresent()) {
					throw new IllegalStateException("The folder " + inDir
							+ " is not empty: give a new --out folder or empty it first, so that no old claim file is mixed in.");
				}
			}
			writeHospitals();
			writeCatalog();
			writeSpecialDiseases();
			writePersons();
			writeFamilies();
			return new ClaimWriter().writeAll();
		}

		// ---------------------------------------------------------------------- IDs and
		// names

		long allocateId(SplittableRandom r, int fromYear, int toYear) {
			// REGIONS repeats a code to weight the draw; its serial counters are the
			// first entry's
			int region = firstIndexOf(REGIONS[r.nextInt(REGIONS.length)]);
			int lo = day(fromYear, 1, 1) - BIRTH_BASE;
			int hi = Math.min(day(toYear, 12, 31) - BIRTH_BASE, BIRTH_DAYS - 1);
			int d = lo + r.nextInt(hi - lo + 1);
			for (int tries = 0;; tries++) {
				int slot = region * BIRTH_DAYS + d;
				if (idCounters[slot] == 0) {
					idCounters[slot] = (short) (1 + r.nextInt(700)); // serials start
																		// anywhere
				}
				if (idCounters[slot] < 999) {
					int seq = ++idCounters[slot];
					LocalDate birth = BASE.plusDays(d + BIRTH_BASE);
					long ymd = birth.getYear() * 10000L + birth.getMonthValue() * 100L + birth.getDayOfMonth();
					return REGIONS[region] * 100_000_000_000L + ymd * 1000L + seq;
				}
				d = d + 1 < BIRTH_DAYS ? d + 1 : 0;
				if (tries > BIRTH_DAYS) {
					do {
						region = (region + 1) % REGIONS.length;
					}
					while (firstIndexOf(REGIONS[region]) != region);
					tries = 0;
				}
			}
		}

		static int firstIndexOf(int regionCode) {
			for (int i = 0;; i++) {
				if (REGIONS[i] == regionCode) {
					return i;
				}
			}
		}

		static String idString(long id17) {
			String s = Long.toString(id17);
			return s + PersonIds.checkCharacter(s);
		}

		String nameOf(long id17) {
			long h = mix(id17 ^ mix(o.seed() + 0x5eedL));
			StringBuilder sb = new StringBuilder(3);
			sb.append(SURNAMES.charAt((int) Long.remainderUnsigned(h, SURNAMES.length())));
			h = mix(h);
			sb.append(GIVEN.charAt((int) Long.remainderUnsigned(h, GIVEN.length())));
			h = mix(h);
			if ((h & 3) != 0) {
				sb.append(GIVEN.charAt((int) Long.remainderUnsigned(h >>> 2, GIVEN.length())));
			}
			return sb.toString();
		}

		private SplittableRandom rng(long section) {
			return new SplittableRandom(mix(o.seed() * 0x9E3779B97F4A7C15L + section));
		}

		// ----------------------------------------------------------------------
		// reference data

		private Csv csv(String file, String header) throws IOException {
			return new Csv(refDir.resolve(file), header);
		}

		// RFC 4180 with CRLF, as reference-data.md has it
		private final class Csv implements AutoCloseable {

			private final Path path;

			private final CSVPrinter printer;

			Csv(Path path, String header) throws IOException {
				this.path = path;
				this.printer = new CSVPrinter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
				this.printer.printRecord((Object[]) header.split(","));
			}

			void row(String... fields) throws IOException {
				this.printer.printRecord((Object[]) fields);
			}

			@Override
			public void close() throws IOException {
				this.printer.close();
				referenceBytes += Files.size(this.path);
			}

		}

		void writeHospitals() throws IOException {
			SplittableRandom r = rng(1);
			int n = o.hospitals();
			hCode = new String[n];
			hName = new String[n];
			hLevel = new String[n];
			hWeightCum = new int[n];
			int tertiary = 0;
			int secondary = 0;
			int community = 0;
			int cum = 0;
			try (Csv c = csv("hospitals.csv", "code,name,level,region,designated")) {
				for (int i = 0; i < n; i++) {
					int kind = i < 3 ? i : (r.nextInt(100) < 25 ? 0 : r.nextInt(100) < 45 ? 1 : 2);
					hCode[i] = "H330282" + pad(i + 1, 3);
					switch (kind) {
						case 0 -> {
							hLevel[i] = "TERTIARY";
							hName[i] = suffix(TERTIARY, tertiary++, "分院");
							cum += 4;
						}
						case 1 -> {
							hLevel[i] = "SECONDARY";
							hName[i] = suffix(SECONDARY, secondary++, "分院");
							cum += 2;
						}
						default -> {
							hLevel[i] = "COMMUNITY";
							hName[i] = suffix(TOWNS, community++, "") + "街道社区卫生服务中心";
							cum += 1;
						}
					}
					hWeightCum[i] = cum;
					c.row(hCode[i], hName[i], hLevel[i], "LOCAL", "true");
				}
				// out-of-area hospital: in the registry for ad-hoc claims, sends no files
				c.row("H310000001", "上海交通大学医学院附属瑞金医院", "TERTIARY", "OUT_OF_AREA", "false");
			}
		}

		private static String suffix(String[] names, int k, String more) {
			String base = names[k % names.length];
			int round = k / names.length;
			return round == 0 ? base : base + (more.isEmpty() ? "" : more) + round;
		}

		void writeCatalog() throws IOException {
			SplittableRandom r = rng(2);
			int normal = 480;
			int big = 24;
			itemCount = normal + big;
			bigFrom = normal;
			itemCode = new String[itemCount];
			itemName = new String[itemCount];
			itemPrice = new long[itemCount];
			itemMax = new long[itemCount];
			try (Csv c = csv("catalog.csv", "itemCode,name,selfPayRatio,maxUnitPrice,validFrom,validTo")) {
				for (int i = 0; i < itemCount; i++) {
					boolean isBig = i >= bigFrom;
					itemCode[i] = (isBig ? "S" : "X") + pad(i, 5);
					if (isBig) {
						itemName[i] = BIG_ITEMS[(i - bigFrom) % BIG_ITEMS.length];
						itemPrice[i] = (8_000 + r.nextInt(60_000)) * 10_000L;
					}
					else if (r.nextInt(100) < 60) {
						itemName[i] = DRUGS[r.nextInt(DRUGS.length)];
						itemPrice[i] = logPrice(r, 0.5, 300);
					}
					else {
						itemName[i] = SERVICES[r.nextInt(SERVICES.length)];
						itemPrice[i] = logPrice(r, 2, 500);
					}
					int k = r.nextInt(100);
					String validFrom = iso(0);
					if (!isBig && r.nextInt(100) < 15) {
						// maximum unit price somewhat above the typical price (2
						// decimals)
						long max = (itemPrice[i] * (110 + r.nextInt(40)) / 100) / 100 * 100;
						itemMax[i] = Math.max(100, max);
					}
					String max = itemMax[i] == 0 ? "" : BigDecimal.valueOf(itemMax[i] / 100, 2).toPlainString();
					if (k < 30) {
						c.row(itemCode[i], itemName[i], "0", max, validFrom, "");
					}
					else if (k < 55 || isBig) {
						c.row(itemCode[i], itemName[i], B_RATIOS[r.nextInt(B_RATIOS.length)], max, validFrom, "");
					}
					else if (k < 80) {
						// self-pay ratio reduced by the 2013-05-01 adjustment
						int hi = 3 + r.nextInt(3); // 0.20 .. 0.40
						String before = "0." + hi + "0";
						String after = r.nextInt(5) == 0 ? "0" : "0." + (hi - 1 - r.nextInt(2)) + "0";
						c.row(itemCode[i], itemName[i], before, max, validFrom, iso(D2013_04_30));
						c.row(itemCode[i], itemName[i], after, max, iso(D2013_05_01), "");
					}
					else {
						c.row(itemCode[i], itemName[i], "1", max, validFrom, "");
					}
				}
			}
		}

		/** Log-uniform price between lo and hi yuan, in 1/10000 yuan. */
		private static long logPrice(SplittableRandom r, double lo, double hi) {
			double v = lo * StrictMath.pow(hi / lo, r.nextDouble()); // StrictMath: same
																		// bits on every
																		// JVM
			return Math.max(100, Math.round(v * 10_000));
		}

		void writeSpecialDiseases() throws IOException {
			try (Csv c = csv("special_diseases.csv", "code,name")) {
				for (int i = 0; i < SD_NAMES.length; i++) {
					c.row("SD0" + (i + 1), SD_NAMES[i]);
				}
			}
		}

		void writePersons() throws IOException {
			SplittableRandom r = rng(3);
			int n = o.persons();
			pid = new long[n];
			pflags = new byte[n];
			certDisease = new byte[n];
			certFrom = new short[n];
			certTo = new short[n];
			try (Csv c = csv("persons.csv", "personId,name,category,status,currentAccount,historicalAccount");
					Csv certs = csv("certifications.csv", "personId,diseaseCode,validFrom,validTo")) {
				for (int i = 0; i < n; i++) {
					boolean retired = r.nextInt(100) < 30;
					boolean susp = r.nextInt(150) == 0 || i == 7;
					pid[i] = retired ? allocateId(r, 1928, 1958) : allocateId(r, 1955, 1995);
					pflags[i] = (byte) ((retired ? 1 : 0) | (susp ? 2 : 0));
					long current = r.nextInt(100) < 30 ? 0 : 1 + r.nextInt(300_000);
					int h = r.nextInt(100);
					long historical = h < 25 ? 0 : h < 85 ? 1 + r.nextInt(200_000) : 200_000 + r.nextInt(3_000_000);
					String id = idString(pid[i]);
					c.row(id, nameOf(pid[i]), retired ? "RETIRED" : "IN_SERVICE", susp ? "SUSPENDED" : "ACTIVE",
							money(current), money(historical));
					if (susp) {
						suspended = add(suspended, suspendedCount++, i);
					}
					if (!susp && r.nextInt(100) < 4) {
						int disease = 1 + r.nextInt(5);
						int[] froms = { 0, D2013, day(2013, 3, 1), D2013_05_01, day(2013, 6, 15) };
						int from = froms[r.nextInt(froms.length)];
						int to = OPEN;
						String validTo = "";
						if (r.nextInt(100) < 20) {
							int vt = Math.max(from, D2013) + 60 + r.nextInt(240);
							validTo = iso(vt);
							to = vt - 1;
						}
						certDisease[i] = (byte) disease;
						certFrom[i] = (short) from;
						certTo[i] = (short) to;
						certified = add(certified, certifiedCount++, i);
						certs.row(id, "SD0" + disease, iso(from), validTo);
					}
				}
			}
			// a few heavy patients (large inpatient bills, some go over the annual fund
			// cap)
			int hc = Math.max(2, n / 1000);
			heavy = new int[hc];
			SplittableRandom hr = rng(4);
			for (int k = 0; k < hc; k++) {
				int i;
				do {
					i = hr.nextInt(n);
				}
				while ((pflags[i] & 2) != 0);
				heavy[k] = i;
			}
		}

		private static int[] add(int[] a, int n, int v) {
			if (n == a.length) {
				a = Arrays.copyOf(a, n * 2);
			}
			a[n] = v;
			return a;
		}

		void writeFamilies() throws IOException {
			SplittableRandom r = rng(5);
			int n = o.persons();
			int[] validFroms = { D2012_06_01, D2013, D2013_03_15, D2013_05_01, D2013_05_02, -1 };
			int[] members = new int[3];
			try (Csv c = csv("family_bindings.csv", "grantorId,memberId,relation,validFrom,validTo")) {
				for (int g = 0; g < n; g++) {
					if (r.nextInt(100) >= 12) {
						continue;
					}
					boolean grantorActive = (pflags[g] & 2) == 0;
					String grantorId = idString(pid[g]);
					int k = 1 + r.nextInt(3);
					int bound = 0;
					for (int b = 0; b < k; b++) {
						String relation = RELATIONS[r.nextInt(3)];
						int from = validFroms[r.nextInt(validFroms.length)];
						if (from < 0) {
							from = D2013 + r.nextInt(D2013_09_30 - D2013);
						}
						boolean uninsured = grantorActive && r.nextInt(100) < 60;
						if (uninsured) {
							long id = switch (relation) {
								case "CHILD" -> allocateId(r, 1988, 2012);
								case "PARENT" -> allocateId(r, 1928, 1960);
								default -> allocateId(r, 1950, 1995);
							};
							int coverFrom = Math.max(from, D2013_05_01);
							int coverTo = LAST_SERVICE;
							String validTo = "";
							if (r.nextInt(100) < 8) {
								int vt = coverFrom + 60 + r.nextInt(120);
								validTo = iso(vt);
								coverTo = vt - 1;
							}
							addUninsured(id, coverFrom, coverTo, from);
							String memberId = idString(id);
							c.row(grantorId, memberId, relation, iso(from), validTo);
							bindings++;
							if (r.nextInt(100) < 25) {
								// a second grantor (the other parent, say), any status
								int g2 = r.nextInt(n);
								if (g2 != g) {
									int from2 = validFroms[r.nextInt(validFroms.length)];
									if (from2 < 0) {
										from2 = D2013 + r.nextInt(D2013_09_30 - D2013);
									}
									c.row(idString(pid[g2]), memberId, relation, iso(from2), "");
									bindings++;
								}
							}
						}
						else {
							int m = r.nextInt(n);
							boolean dup = m == g;
							for (int j = 0; j < bound; j++) {
								dup |= members[j] == m;
							}
							if (dup) {
								continue;
							}
							members[bound++] = m;
							String validTo = "";
							if (r.nextInt(100) < 15) {
								validTo = iso(Math.max(from, D2013) + 30 + r.nextInt(300));
							}
							c.row(grantorId, idString(pid[m]), relation, iso(from), validTo);
							bindings++;
						}
					}
				}
			}
		}

		private void addUninsured(long id, int from, int to, int bound) {
			if (uCount == uid.length) {
				int len = uCount * 2;
				uid = Arrays.copyOf(uid, len);
				uFrom = Arrays.copyOf(uFrom, len);
				uTo = Arrays.copyOf(uTo, len);
				uBound = Arrays.copyOf(uBound, len);
			}
			uid[uCount] = id;
			uFrom[uCount] = (short) from;
			uTo[uCount] = (short) to;
			uBound[uCount] = (short) bound;
			uCount++;
		}

		// ---------------------------------------------------------------------- claims

		/** A claim being built; reused. */
		private static final class Claim {

			String claimNo;

			String patientId;

			String patientName;

			String visitType;

			int start;

			int end;

			String diagnosis;

			String disease;

			int lineCount;

			final int[] item = new int[8];

			final String[] code = new String[8];

			final long[] price = new long[8];

			final int[] priceScale = new int[8];

			final long[] qty = new long[8]; // thousandths

			final long[] amount = new long[8]; // fen, as written

			long total; // fen, as written

			Claim copy() {
				Claim c = new Claim();
				c.claimNo = claimNo;
				c.patientId = patientId;
				c.patientName = patientName;
				c.visitType = visitType;
				c.start = start;
				c.end = end;
				c.diagnosis = diagnosis;
				c.disease = disease;
				c.lineCount = lineCount;
				System.arraycopy(item, 0, c.item, 0, 8);
				System.arraycopy(code, 0, c.code, 0, 8);
				System.arraycopy(price, 0, c.price, 0, 8);
				System.arraycopy(priceScale, 0, c.priceScale, 0, 8);
				System.arraycopy(qty, 0, c.qty, 0, 8);
				System.arraycopy(amount, 0, c.amount, 0, 8);
				c.total = total;
				return c;
			}

		}

		private final class ClaimWriter {

			private final SplittableRandom r = rng(6);

			private final int h = o.hospitals();

			private final int span = LAST_FILE - FIRST_FILE + 1;

			private final short[] seqs = new short[h * span];

			private final long[] claimCounter = new long[h];

			private final String[] lastValid = new String[h];

			@SuppressWarnings("unchecked")
			private final java.util.ArrayList<Claim>[] pending = new java.util.ArrayList[h];

			private final Claim claim = new Claim();

			private final StringBuilder sb = new StringBuilder(256);

			private final TreeMap<String, Long> rejections = new TreeMap<>();

			private long resubmissions;

			private int files;

			private int gbkFiles;

			private long claimsWritten;

			private long linesWritten;

			private long bytes;

			private Writer expected;

			// about six large inpatient bills a year for each heavy patient
			private final double heavyShare = Math.min(0.01, heavy.length * 6.0 / Math.max(1, o.claims()));

			Result writeAll() throws IOException {
				for (String code : REJECTION_CODES) {
					rejections.put(code, 0L);
				}
				long fileCount = (o.claims() + o.claimsPerFile() - 1) / o.claimsPerFile();
				if ((fileCount + span - 1) / span > (long) h * 999) {
					throw new IllegalStateException("Too many files (" + fileCount
							+ ") for the hospitals and dates: raise --claims-per-file or --hospitals.");
				}
				Path exp = o.out().resolve("expected-rejections.csv");
				try (Writer e = new BufferedWriter(
						new OutputStreamWriter(Files.newOutputStream(exp), StandardCharsets.UTF_8))) {
					expected = e;
					e.write("file,line,claimNo,code\r\n");
					long left = o.claims();
					// claims of a file end up to `window` days before its date: 40 days,
					// more when files are few
					int window = (int) Math.max(40, 2 * span / Math.max(1, fileCount));
					for (long k = 0; k < fileCount; k++) {
						int fileDay = FIRST_FILE + (int) (k * span / fileCount);
						int n = (int) Math.min(left, o.claimsPerFile());
						writeFile(fileDay, n, window);
						left -= n;
					}
				}
				return new Result(files, gbkFiles, claimsWritten, linesWritten, bytes, referenceBytes, o.persons(),
						uCount, bindings, Collections.unmodifiableSortedMap(rejections), resubmissions);
			}

			private int pickHospital() {
				int x = r.nextInt(hWeightCum[h - 1]);
				int i = Arrays.binarySearch(hWeightCum, x + 1);
				if (i < 0) {
					i = -i - 1;
				}
				return i;
			}

			private void writeFile(int fileDay, int claimCount, int window) throws IOException {
				int hosp = pickHospital();
				int d = fileDay - FIRST_FILE;
				while (seqs[hosp * span + d] >= 999) {
					hosp = (hosp + 1) % h;
				}
				int seq = ++seqs[hosp * span + d];
				String date = compact(fileDay);
				String name = hCode[hosp] + "_" + date + "_" + pad(seq, 3) + ".clm";
				boolean gbk = r.nextDouble() < o.gbkFraction();
				int mode = r.nextInt(10); // line endings: 0-2 all LF, 3-4 all CRLF, else
											// mixed
				boolean bom = !gbk && r.nextInt(50) == 0;
				boolean trailerEol = r.nextInt(20) != 0;
				Charset cs = gbk ? Charset.forName("GBK") : StandardCharsets.UTF_8;
				Path part = inDir.resolve(name + ".part");
				long fileTotal = 0;
				int fileLines = 0;
				int lineNo = 1;
				try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
					if (bom) {
						os.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
					}
					Writer w = new BufferedWriter(new OutputStreamWriter(os, cs.newEncoder()), 1 << 16);
					w.write(ClaimFileLayout.header(hCode[hosp], date, pad(seq, 3), gbk ? "GBK" : "UTF-8"));
					w.write(eol(mode));
					String fileValid = null;
					java.util.ArrayList<Claim> resend = pending[hosp];
					pending[hosp] = null;
					for (int i = 0; i < claimCount; i++) {
						String code = null;
						if (resend != null && !resend.isEmpty()) {
							Claim c = resend.remove(resend.size() - 1);
							copyInto(c);
							resubmissions++;
						}
						else {
							code = makeClaim(hosp, fileDay, window, fileValid);
						}
						if (code == null) {
							fileValid = claim.claimNo;
							lastValid[hosp] = claim.claimNo;
						}
						else {
							rejections.merge(code, 1L, Long::sum);
							expected.write(name + "," + (lineNo + 1) + "," + claim.claimNo + "," + code + "\r\n");
						}
						lineNo += writeClaim(w, mode);
						fileTotal += claim.total;
						fileLines += claim.lineCount;
					}
					if (resend != null && !resend.isEmpty()) {
						pending[hosp] = resend; // not all resent yet: try in the next
												// file
					}
					w.write(ClaimFileLayout.trailer(claimCount, fileLines, money(fileTotal)));
					if (trailerEol) {
						w.write(eol(mode));
					}
					w.flush();
				}
				Path target = inDir.resolve(name);
				Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
				files++;
				if (gbk) {
					gbkFiles++;
				}
				claimsWritten += claimCount;
				linesWritten += fileLines;
				bytes += Files.size(target);
			}

			private String eol(int mode) {
				if (mode < 3) {
					return "\n";
				}
				if (mode < 5) {
					return "\r\n";
				}
				return r.nextInt(100) < 15 ? "\r\n" : "\n";
			}

			private void copyInto(Claim c) {
				claim.claimNo = c.claimNo;
				claim.patientId = c.patientId;
				claim.patientName = c.patientName;
				claim.visitType = c.visitType;
				claim.start = c.start;
				claim.end = c.end;
				claim.diagnosis = c.diagnosis;
				claim.disease = c.disease;
				claim.lineCount = c.lineCount;
				System.arraycopy(c.item, 0, claim.item, 0, 8);
				System.arraycopy(c.code, 0, claim.code, 0, 8);
				System.arraycopy(c.price, 0, claim.price, 0, 8);
				System.arraycopy(c.priceScale, 0, claim.priceScale, 0, 8);
				System.arraycopy(c.qty, 0, claim.qty, 0, 8);
				System.arraycopy(c.amount, 0, claim.amount, 0, 8);
				claim.total = c.total;
			}

			private int writeClaim(Writer w, int mode) throws IOException {
				Claim c = claim;
				sb.setLength(0);
				sb.append(ClaimFileLayout.claim(c.claimNo, c.patientId, c.patientName, c.visitType, compact(c.start),
						compact(c.end), c.diagnosis, c.disease, money(c.total), c.lineCount))
					.append(eol(mode));
				for (int i = 0; i < c.lineCount; i++) {
					sb.append(ClaimFileLayout.line(i + 1, c.code[i], c.item[i] >= 0 ? itemName[c.item[i]] : "自费药品",
							BigDecimal.valueOf(c.price[i], c.priceScale[i]).toPlainString(), quantity(c.qty[i]),
							money(c.amount[i])))
						.append(eol(mode));
				}
				w.write(sb.toString());
				return 1 + c.lineCount;
			}

			private String quantity(long thousandths) {
				if (thousandths % 1000 == 0) {
					return Long.toString(thousandths / 1000);
				}
				return BigDecimal.valueOf(thousandths, 3).stripTrailingZeros().toPlainString();
			}

			// ------------------------------------------------------------------ one
			// claim

			/**
			 * Fills {@link #claim}; returns the rejection code it was built to get, or
			 * null for a valid claim.
			 */
			private String makeClaim(int hosp, int fileDay, int window, String fileValid) {
				Claim c = claim;
				c.claimNo = nextClaimNo(hosp);
				int lo = Math.max(D2013, fileDay - window);
				int hi = Math.min(fileDay, LAST_SERVICE);
				String reject = null;
				if (o.rejectFraction() > 0 && r.nextDouble() < o.rejectFraction()) {
					reject = REJECTION_CODES[r.nextInt(REJECTION_CODES.length)];
					if (reject.equals("E_DUPLICATE_CLAIM") && lastValid[hosp] == null) {
						reject = null;
					}
					if (reject != null && reject.equals("E_COVERAGE_SUSPENDED") && suspendedCount == 0) {
						reject = "E_NOT_INSURED";
					}
				}
				if (reject == null) {
					validClaim(lo, hi);
					return null;
				}
				switch (reject) {
					case "E_PERSON_ID" -> {
						validClaim(lo, hi);
						c.patientId = corruptId(c.patientId);
					}
					case "E_DATES" -> {
						validClaim(lo, hi);
						int v = r.nextInt(3);
						if (v == 0) {
							c.end = fileDay + 1 + r.nextInt(5); // after the file date
							c.start = c.end - (c.visitType.equals("INP") ? 3 : 0);
						}
						else if (v == 1) {
							c.start = c.end + 1 + r.nextInt(5); // end before start
						}
						else {
							c.end = D2012_12_01 + r.nextInt(31); // before the earliest
																	// policy version
							c.start = c.end;
						}
					}
					case "E_LINE_AMOUNT" -> {
						validClaim(lo, hi);
						int i = r.nextInt(c.lineCount);
						long delta = 1 + r.nextInt(5);
						if (c.amount[i] > delta && r.nextBoolean()) {
							delta = -delta;
						}
						Claim fixed = c.copy();
						c.amount[i] += delta;
						c.total += delta; // the claim total still matches its lines
						maybeResubmit(hosp, fixed);
					}
					case "E_CLAIM_TOTAL" -> {
						validClaim(lo, hi);
						long delta = 1 + r.nextInt(1000);
						Claim fixed = c.copy();
						c.total = c.total > delta && r.nextBoolean() ? c.total - delta : c.total + delta;
						maybeResubmit(hosp, fixed);
					}
					case "E_DUPLICATE_CLAIM" -> {
						validClaim(lo, hi);
						c.claimNo = fileValid != null && r.nextBoolean() ? fileValid : lastValid[hosp];
					}
					case "E_NOT_INSURED" -> {
						validClaim(lo, hi);
						if (uCount > 0 && lo <= D2013_04_30 && r.nextBoolean()) {
							// a bound relative before family coverage began (baseline
							// version)
							int u = r.nextInt(uCount);
							c.patientId = idString(uid[u]);
							c.patientName = nameOf(uid[u]);
							c.end = lo + r.nextInt(Math.min(hi, D2013_04_30) - lo + 1);
							c.start = c.visitType.equals("INP") ? c.end - 2 : c.end;
						}
						else {
							long id = allocateId(r, 1940, 2005); // never in persons.csv
																	// nor bound
							c.patientId = idString(id);
							c.patientName = nameOf(id);
						}
					}
					case "E_COVERAGE_SUSPENDED" -> {
						validClaim(lo, hi);
						int p = suspended[r.nextInt(suspendedCount)];
						c.patientId = idString(pid[p]);
						c.patientName = nameOf(pid[p]);
					}
					case "E_SPECIAL_DISEASE" -> {
						validClaim(lo, hi);
						c.visitType = "SPD";
						c.start = c.end;
						c.disease = r.nextBoolean() ? "SD99" : "";
					}
					default -> throw new IllegalStateException(reject);
				}
				return reject;
			}

			private void maybeResubmit(int hosp, Claim fixed) {
				if (r.nextBoolean()) {
					if (pending[hosp] == null) {
						pending[hosp] = new java.util.ArrayList<>();
					}
					if (pending[hosp].size() < 1000) {
						pending[hosp].add(fixed);
					}
				}
			}

			private String corruptId(String id) {
				int v = r.nextInt(4);
				if (v == 0) {
					return id.substring(0, 17); // too short
				}
				if (v == 1) {
					return id.substring(0, 10) + "A" + id.substring(11); // not a digit
				}
				String checks = "0123456789X";
				char good = id.charAt(17);
				char bad;
				do {
					bad = checks.charAt(r.nextInt(checks.length()));
				}
				while (bad == good);
				return id.substring(0, 17) + bad;
			}

			private String nextClaimNo(int hosp) {
				long n = ++claimCounter[hosp];
				return switch (hosp % 3) {
					case 0 -> "C" + pad(n, 9);
					case 1 -> "ZY-" + pad(n, 8);
					default -> "mz" + pad(n, 10);
				};
			}

			/**
			 * A claim that passes every check, for a covered patient, ending in [lo, hi].
			 */
			private void validClaim(int lo, int hi) {
				Claim c = claim;
				int pick = r.nextDouble() < heavyShare ? 0 : 10 + r.nextInt(990);
				int roll = r.nextInt(100);
				String visit = roll < 65 ? "OUT" : roll < 85 ? "INP" : "SPD";
				boolean bigBill = false;
				boolean heavyBill = false;
				c.disease = "";
				c.end = -1;
				if (pick < 10) {
					// heavy patient: large inpatient bills
					int p = heavy[r.nextInt(heavy.length)];
					patient(pid[p]);
					visit = "INP";
					heavyBill = true;
				}
				else if (pick < 70 && uCount > 0) {
					// uninsured relative, inside the covered window
					for (int t = 0; t < 4 && c.end < 0; t++) {
						int u = r.nextInt(uCount);
						int a = Math.max(lo, uFrom[u]);
						int b = Math.min(hi, uTo[u]);
						if (a <= b) {
							patient(uid[u]);
							c.end = a + r.nextInt(b - a + 1);
						}
					}
				}
				if (c.end < 0 && !heavyBill) {
					if (visit.equals("SPD") && certifiedCount > 0 && r.nextInt(100) < 60) {
						// a certified patient for the certified disease, inside the
						// certification
						for (int t = 0; t < 4 && c.end < 0; t++) {
							int p = certified[r.nextInt(certifiedCount)];
							int a = Math.max(lo, certFrom[p]);
							int b = Math.min(hi, certTo[p]);
							if (a <= b) {
								patient(pid[p]);
								c.end = a + r.nextInt(b - a + 1);
								c.disease = "SD0" + certDisease[p];
							}
						}
					}
					if (c.end < 0) {
						int p;
						do {
							p = r.nextInt(pid.length);
						}
						while ((pflags[p] & 2) != 0);
						patient(pid[p]);
					}
				}
				if (c.end < 0) {
					c.end = lo + r.nextInt(hi - lo + 1);
				}
				c.visitType = visit;
				if (visit.equals("SPD") && c.disease.isEmpty()) {
					c.disease = "SD0" + (1 + r.nextInt(5));
				}
				if (visit.equals("INP")) {
					c.start = c.end - (r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(r.nextInt(4) == 0 ? 30 : 10));
					c.diagnosis = INP_DIAG[r.nextInt(INP_DIAG.length)];
					bigBill = heavyBill || r.nextInt(100) < 25;
				}
				else {
					c.start = c.end;
					c.diagnosis = visit.equals("SPD") ? SD_DIAG[c.disease.charAt(3) - '1']
							: OUT_DIAG[r.nextInt(OUT_DIAG.length)];
				}
				int n = 1 + r.nextInt(8);
				c.lineCount = n;
				long total = 0;
				int bigLines = heavyBill ? 1 + r.nextInt(2) : bigBill ? 1 : 0;
				for (int i = 0; i < n; i++) {
					if (i < bigLines) {
						bigLine(i, heavyBill);
					}
					else {
						normalLine(i);
					}
					total += c.amount[i];
				}
				c.total = total;
			}

			private void patient(long id17) {
				claim.patientId = idString(id17);
				claim.patientName = nameOf(id17);
			}

			private void bigLine(int i, boolean heavyBill) {
				Claim c = claim;
				int item = bigFrom + r.nextInt(itemCount - bigFrom);
				c.item[i] = item;
				c.code[i] = itemCode[item];
				long yuan = heavyBill ? 35_000 + r.nextInt(55_000) : 8_000 + r.nextInt(60_000);
				c.price[i] = yuan * 100 + r.nextInt(100);
				c.priceScale[i] = 2;
				c.qty[i] = 1000;
				c.amount[i] = lineAmount(c.price[i], 2, 1000);
			}

			private void normalLine(int i) {
				Claim c = claim;
				int item;
				if (r.nextInt(100) == 0) {
					item = -1; // not in the catalog
					c.code[i] = "UNK" + pad(r.nextInt(1000), 3);
				}
				else {
					item = r.nextInt(bigFrom);
					c.code[i] = itemCode[item];
				}
				c.item[i] = item;
				long base = item >= 0 ? itemPrice[item] : logPrice(r, 1, 400);
				long p = base * (70 + r.nextInt(61)) / 100; // 1/10000 yuan
				if (item >= 0 && itemMax[item] > 0) {
					p = Math.min(p, itemMax[item]);
					if (r.nextInt(100) < 12) {
						p = itemMax[item] * (105 + r.nextInt(50)) / 100; // above the
																			// maximum
																			// price
					}
				}
				int sRoll = r.nextInt(10);
				int scale = sRoll < 6 ? 2 : sRoll < 9 ? 4 : 3;
				long unscaled = Math.max(1, scale == 4 ? p : scale == 3 ? (p + 5) / 10 : (p + 50) / 100);
				long q;
				int qRoll = r.nextInt(100);
				if (qRoll < 55) {
					q = (1 + r.nextInt(3)) * 1000L;
				}
				else if (qRoll < 70) {
					q = (4 + r.nextInt(27)) * 1000L;
				}
				else {
					q = 10 + r.nextInt(2991); // 0.010 .. 3.000
				}
				long amount = lineAmount(unscaled, scale, q);
				if (amount == 0) {
					q = 1000;
					amount = lineAmount(unscaled, scale, q);
				}
				c.price[i] = unscaled;
				c.priceScale[i] = scale;
				c.qty[i] = q;
				c.amount[i] = amount;
			}

		}

	}

	/**
	 * round(unitPrice × quantity) half-up to the fen, in fen; quantity in thousandths.
	 */
	static long lineAmount(long priceUnscaled, int priceScale, long qtyThousandths) {
		return BigDecimal.valueOf(priceUnscaled, priceScale)
			.multiply(BigDecimal.valueOf(qtyThousandths, 3))
			.setScale(2, RoundingMode.HALF_UP)
			.unscaledValue()
			.longValueExact();
	}

}
