package org.medclaims.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.medclaims.policy.Category;
import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.Money;
import org.medclaims.policy.PolicyBook;
import org.medclaims.policy.PolicyVersion;
import org.medclaims.policy.Ratio;
import org.medclaims.policy.Relation;
import org.medclaims.system.BuiltInFiles;
import org.medclaims.system.OperatorMistake;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Reads the dated policy versions (one YAML file per version), built into the jar or from
 * the folder {@code medclaims.policy-dir}, which replaces them, and refuses, with one
 * sentence naming file and key, a file with a missing parameter, a ratio outside [0, 1],
 * an unknown key, or a second version on the same date.
 */
public final class PolicyFiles {

	private PolicyFiles() {
	}

	/** The versions of a folder, which replace the built-in ones. */
	public static PolicyBook load(Path dir) {
		List<Resource> files = list(dir);
		if (files.isEmpty()) {
			throw new OperatorMistake("No policy version found in " + dir
					+ ": add the YAML files of policy.md there or point medclaims.policy-dir at them.");
		}
		return book(files);
	}

	/** The versions shipped inside the jar (config/policy of the sources). */
	public static PolicyBook loadBuiltIn() {
		List<Resource> files = BuiltInFiles.list(BuiltInFiles.POLICY)
			.stream()
			.filter(r -> isYaml(r.getFilename()))
			.toList();
		if (files.isEmpty()) {
			throw new IllegalStateException("The jar holds no policy version under " + BuiltInFiles.POLICY
					+ ": it was built without config/policy.");
		}
		return book(files);
	}

	private static boolean isYaml(String fileName) {
		return fileName.endsWith(".yaml") || fileName.endsWith(".yml");
	}

	private static PolicyBook book(List<Resource> files) {
		Map<java.time.LocalDate, String> byDate = new HashMap<>();
		List<PolicyVersion> versions = new ArrayList<>();
		for (Resource file : files) {
			PolicyVersion version = read(file);
			String other = byDate.put(version.effectiveFrom(), describe(file));
			if (other != null) {
				throw new OperatorMistake("Policy files " + other + " and " + describe(file) + " both take effect on "
						+ version.effectiveFrom() + " (key 'policy.effective-from'): keep one version per date.");
			}
			versions.add(version);
		}
		return new PolicyBook(versions);
	}

	static PolicyVersion read(Path file) {
		return read(new FileSystemResource(file));
	}

	private static PolicyVersion read(Resource file) {
		PolicyFile bound = bind(file);
		return new Reader(describe(file), bound).version();
	}

	// a folder's file by its path, a built-in one as such
	private static String describe(Resource file) {
		return (file instanceof FileSystemResource fs) ? fs.getPath() : "built-in " + file.getFilename();
	}

	private static List<Resource> list(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new OperatorMistake("Policy folder " + dir + " does not exist: set medclaims.policy-dir to a folder"
					+ " of policy versions, or leave it unset for the built-in ones.");
		}
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.filter(p -> isYaml(p.getFileName().toString()))
				.sorted()
				.<Resource>map(FileSystemResource::new)
				.toList();
		}
		catch (IOException ex) {
			throw new OperatorMistake("Cannot read the policy folder " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static PolicyFile bind(Resource resource) {
		String file = describe(resource);
		List<PropertySource<?>> sources;
		try {
			sources = new YamlPropertySourceLoader().load(file, resource);
		}
		catch (IOException | RuntimeException ex) {
			throw new OperatorMistake("Policy file " + file + " is not valid YAML: " + ex.getMessage(), ex);
		}
		Binder binder = new Binder(ConfigurationPropertySources.from(sources));
		try {
			return binder
				.bind("policy", Bindable.of(PolicyFile.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
				.orElseThrow(() -> new OperatorMistake("Policy file " + file
						+ " has no 'policy' section: see config/policy of the sources for the shape."));
		}
		catch (BindException ex) {
			if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
				String key = unbound.getUnboundProperties().iterator().next().getName().toString();
				throw new OperatorMistake(
						"Policy file " + file + " has an unknown key '" + key + "': remove it or fix its spelling.",
						ex);
			}
			throw new OperatorMistake(
					"Policy file " + file + ": key '" + ex.getName() + "' has a value that cannot be read ("
							+ (ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage()) + ").",
					ex);
		}
	}

	/**
	 * Converts the bound file into a policy version, naming the first missing or invalid
	 * key.
	 */
	private record Reader(String file, PolicyFile p) {

		PolicyVersion version() {
			var out = require(p.outpatient(), "outpatient");
			var inp = require(p.inpatient(), "inpatient");
			var spd = require(p.specialDisease(), "special-disease");
			var family = require(p.familyCoverage(), "family-coverage");
			boolean familyEnabled = require(family.enabled(), "family-coverage.enabled");
			java.time.LocalDate from = require(p.effectiveFrom(), "effective-from");
			return new PolicyVersion(from.toString(), from,
					byCategory(require(out.selfPaySegment(), "outpatient.self-pay-segment"),
							"outpatient.self-pay-segment"),
					ratios(require(out.fundRatio(), "outpatient.fund-ratio"), "outpatient.fund-ratio"),
					money(require(inp.deductible(), "inpatient.deductible"), "inpatient.deductible"),
					ratio(inp.subsequentAdmissionFactor(), "inpatient.subsequent-admission-factor"),
					ratios(require(inp.fundRatio(), "inpatient.fund-ratio"), "inpatient.fund-ratio"),
					ratios(require(spd.fundRatio(), "special-disease.fund-ratio"), "special-disease.fund-ratio"),
					money(p.annualFundCap(), "annual-fund-cap"),
					require(require(p.historicalAccount(), "historical-account").paysSelfPayFirst(),
							"historical-account.pays-self-pay-first"),
					familyEnabled, relations(family.relations(), familyEnabled),
					ratio(require(p.adhoc(), "adhoc").unregisteredFirstSelfPay(), "adhoc.unregistered-first-self-pay"));
		}

		private Map<Category, Money> byCategory(PolicyFile.ByCategory values, String key) {
			Map<Category, Money> map = new EnumMap<>(Category.class);
			map.put(Category.IN_SERVICE, money(values.inService(), key + ".in-service"));
			map.put(Category.RETIRED, money(values.retired(), key + ".retired"));
			return map;
		}

		private Map<Category, Map<HospitalLevel, Ratio>> ratios(PolicyFile.ByCategoryAndLevel values, String key) {
			Map<Category, Map<HospitalLevel, Ratio>> map = new EnumMap<>(Category.class);
			map.put(Category.IN_SERVICE, byLevel(require(values.inService(), key + ".in-service"), key + ".in-service",
					v -> ratio(v.value(), v.key())));
			map.put(Category.RETIRED, byLevel(require(values.retired(), key + ".retired"), key + ".retired",
					v -> ratio(v.value(), v.key())));
			return map;
		}

		private Map<HospitalLevel, Money> money(PolicyFile.ByLevel values, String key) {
			return byLevel(values, key, v -> money(v.value(), v.key()));
		}

		private <T> Map<HospitalLevel, T> byLevel(PolicyFile.ByLevel values, String key, Function<Keyed, T> convert) {
			Map<HospitalLevel, T> map = new EnumMap<>(HospitalLevel.class);
			map.put(HospitalLevel.COMMUNITY, convert.apply(new Keyed(values.community(), key + ".community")));
			map.put(HospitalLevel.SECONDARY, convert.apply(new Keyed(values.secondary(), key + ".secondary")));
			map.put(HospitalLevel.TERTIARY, convert.apply(new Keyed(values.tertiary(), key + ".tertiary")));
			return map;
		}

		private Set<Relation> relations(List<String> names, boolean enabled) {
			if (names == null || names.isEmpty()) {
				if (enabled) {
					throw invalid("family-coverage.relations", "is missing while family coverage is enabled");
				}
				return Set.of();
			}
			Set<Relation> relations = EnumSet.noneOf(Relation.class);
			for (String name : names) {
				try {
					relations.add(Relation.valueOf(name.trim()));
				}
				catch (IllegalArgumentException ex) {
					throw invalid("family-coverage.relations",
							"names an unknown relation '" + name + "' (use SPOUSE, PARENT, CHILD)");
				}
			}
			return relations;
		}

		private Ratio ratio(BigDecimal value, String key) {
			require(value, key);
			if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
				throw invalid(key, "is " + value.toPlainString() + ", outside [0, 1]");
			}
			return Ratio.of(value);
		}

		private Money money(BigDecimal value, String key) {
			require(value, key);
			if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
				throw invalid(key, "is " + value.toPlainString() + ", not an amount in yuan with at most two decimals");
			}
			return Money.ofYuan(value);
		}

		private <T> T require(T value, String key) {
			if (value == null) {
				throw new OperatorMistake("Policy file " + this.file + " lacks the parameter 'policy." + key
						+ "': every parameter of policy.md must be given.");
			}
			return value;
		}

		private OperatorMistake invalid(String key, String problem) {
			return new OperatorMistake("Policy file " + this.file + ": 'policy." + key + "' " + problem + ".");
		}

		private record Keyed(BigDecimal value, String key) {
		}

	}

}
