package org.medclaims.adhoc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.medclaims.policy.AdhocReason;
import org.medclaims.policy.ClaimLine;
import org.medclaims.policy.HospitalLevel;
import org.medclaims.policy.Money;
import org.medclaims.policy.Region;
import org.medclaims.policy.VisitType;
import org.medclaims.policy.YuanFormat;
import org.medclaims.system.CalendarDates;
import org.medclaims.system.PersonIds;

import org.springframework.stereotype.Component;

/**
 * Checks every field of an ad-hoc claim as claim-files.md checks a file's claim, and
 * names each bad one. The answer's code is the first spec code in claim-files.md's table
 * order, INVALID_INPUT (E_FORMAT) when any field is malformed.
 */
@Component
class AdhocClaimValidator {

	static final int MAX_LINES = 200;

	private static final Pattern CLAIM_NO = Pattern.compile("[A-Za-z0-9-]{1,32}");

	private static final Pattern HOSPITAL_CODE = Pattern.compile("[A-Z0-9]{4,20}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}|]");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	// claim-files.md's table order; INVALID_INPUT stands for E_FORMAT
	private static final List<String> CODE_ORDER = List.of(InvalidInput.CODE, "E_PERSON_ID", "E_VISIT_TYPE", "E_DATES",
			"E_LINE_AMOUNT");

	private final Clock clock;

	AdhocClaimValidator(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The valid claim, or {@link InvalidInput} naming every bad field (with those found
	 * while reading).
	 */
	ValidAdhocClaim validate(AdhocClaimInput input, List<FieldError> earlier) {
		Check check = new Check(earlier);
		if (input == null) {
			throw check.failure();
		}
		String claimNo = check.required(input.claimNo(), "claimNo", CLAIM_NO, "must be 1 to 32 letters, digits or '-'",
				"validation.claimNo");
		String hospitalCode = check.required(input.hospitalCode(), "hospital.code", HOSPITAL_CODE,
				"must be 4 to 20 capital letters or digits", "validation.hospitalCode");
		String hospitalName = check.optionalText(input.hospitalName(), "hospital.name", 100);
		HospitalLevel level = check.optionalEnum(input.hospitalLevel(), "hospital.level", HospitalLevel.class);
		Region region = check.optionalEnum(input.hospitalRegion(), "hospital.region", Region.class);
		String patientId = input.patientId();
		if (patientId == null || patientId.isBlank()) {
			check.add("patientId", "is required", InvalidInput.CODE, "validation.required");
		}
		else if (!PersonIds.isValid(patientId)) {
			check.add("patientId", "must be an 18-character resident ID whose check character matches (E_PERSON_ID)",
					"E_PERSON_ID", "validation.personId");
		}
		String patientName = check.optionalText(input.patientName(), "patientName", 50);
		VisitType visitType = null;
		if (input.visitType() == null || input.visitType().isBlank()) {
			check.add("visitType", "is required: OUT, INP or SPD", InvalidInput.CODE, "validation.required");
		}
		else {
			visitType = check.optionalEnum(input.visitType(), "visitType", VisitType.class, "E_VISIT_TYPE");
		}
		LocalDate start = check.date(input.startDate(), "startDate");
		LocalDate end = check.date(input.endDate(), "endDate");
		if (start != null && end != null && end.isBefore(start)) {
			check.add("endDate", "must not be before startDate (E_DATES)", "E_DATES", "validation.endBeforeStart");
		}
		if (end != null && end.isAfter(LocalDate.now(this.clock))) {
			check.add("endDate", "must not be in the future (E_DATES)", "E_DATES", "validation.future");
		}
		String diagnosis = check.optionalText(input.diagnosisCode(), "diagnosisCode", 20);
		String disease = check.optionalText(input.specialDiseaseCode(), "specialDiseaseCode", 20);
		AdhocReason reason = null;
		if (input.reason() == null || input.reason().isBlank()) {
			check.add("reason", "is required: OUT_OF_AREA, EMERGENCY or CARD_UNAVAILABLE", InvalidInput.CODE,
					"validation.required");
		}
		else {
			reason = check.optionalEnum(input.reason(), "reason", AdhocReason.class);
		}
		List<ClaimLine> lines = lines(input.lines(), check);
		if (!check.errors.isEmpty()) {
			throw check.failure();
		}
		// claim-files.md: a special-disease code on another visit type is ignored
		String diseaseCode = visitType == VisitType.SPD ? disease : null;
		return new ValidAdhocClaim(claimNo, hospitalCode, hospitalName, level, region, patientId, patientName,
				visitType, start, end, diagnosis, diseaseCode, reason, Boolean.TRUE.equals(input.registered()), lines);
	}

	private static List<ClaimLine> lines(List<AdhocClaimInput.Line> input, Check check) {
		if (input == null || input.isEmpty()) {
			check.add("lines", "must hold at least one line", InvalidInput.CODE, "validation.noLines");
			return List.of();
		}
		if (input.size() > MAX_LINES) {
			check.add("lines", "must hold at most " + MAX_LINES + " lines, not " + input.size(), InvalidInput.CODE,
					"validation.tooManyLines", MAX_LINES);
			return List.of();
		}
		List<ClaimLine> lines = new ArrayList<>(input.size());
		for (int i = 0; i < input.size(); i++) {
			AdhocClaimInput.Line line = input.get(i);
			if (line == null) {
				continue;
			}
			String prefix = "lines[" + i + "].";
			String itemCode = check.required(line.itemCode(), prefix + "itemCode", null, null, null);
			if (itemCode != null && (itemCode.length() > 40 || CONTROL.matcher(itemCode).find())) {
				check.add(prefix + "itemCode", "must be at most 40 characters without '|' or control characters",
						InvalidInput.CODE, "validation.text", 40);
				itemCode = null;
			}
			String itemName = check.optionalText(line.itemName(), prefix + "itemName", 100);
			BigDecimal unitPrice = check.decimal(line.unitPrice(), prefix + "unitPrice", YuanFormat.PRICE,
					"must be yuan with at most 4 decimals, such as 80, 12.50 or 9.9999", "validation.unitPrice");
			BigDecimal quantity = check.decimal(line.quantity(), prefix + "quantity", YuanFormat.QUANTITY,
					"must be a number with at most 3 decimals, such as 2 or 0.5", "validation.quantity");
			BigDecimal amount = check.decimal(line.amount(), prefix + "amount", YuanFormat.AMOUNT,
					"must be yuan with exactly two decimals, such as 25.00", "validation.amount");
			if (quantity != null && quantity.signum() == 0) {
				check.add(prefix + "quantity", "must be more than 0 (E_LINE_AMOUNT)", "E_LINE_AMOUNT",
						"validation.quantityZero");
				quantity = null;
			}
			if (unitPrice != null && quantity != null && amount != null) {
				// a decimal, not Money: ten-digit prices times ten-digit quantities
				// overflow a long of fen
				BigDecimal expected = Money.roundedYuan(unitPrice.multiply(quantity));
				if (expected.compareTo(amount) != 0) {
					check.add(prefix + "amount",
							"must be unitPrice × quantity rounded half-up to the fen: " + expected.toPlainString()
									+ " (E_LINE_AMOUNT)",
							"E_LINE_AMOUNT", "validation.lineAmount", expected.toPlainString());
				}
				else if (itemCode != null) {
					lines.add(new ClaimLine(i + 1, itemCode, itemName, unitPrice, quantity, Money.ofYuan(amount)));
				}
			}
		}
		return lines;
	}

	/** The errors found so far, each with the spec code it stands for. */
	private static final class Check {

		final List<FieldError> errors = new ArrayList<>();

		final List<String> codes = new ArrayList<>();

		Check(List<FieldError> earlier) {
			for (FieldError error : earlier) {
				add(error.field(), error.message(), InvalidInput.CODE, null);
			}
		}

		// one message per field: a value of the wrong JSON type is not also "required"
		void add(String field, String message, String code, String key, Object... args) {
			if (this.errors.stream().anyMatch(e -> e.field().equals(field))) {
				return;
			}
			this.errors.add(new FieldError(field, message, key, List.of(args)));
			this.codes.add(code);
		}

		InvalidInput failure() {
			String code = this.codes.stream()
				.min((a, b) -> Integer.compare(CODE_ORDER.indexOf(a), CODE_ORDER.indexOf(b)))
				.orElse(InvalidInput.CODE);
			return new InvalidInput(code, this.errors);
		}

		String required(String value, String field, Pattern pattern, String format, String key) {
			if (value == null || value.isBlank()) {
				add(field, "is required", InvalidInput.CODE, "validation.required");
				return null;
			}
			if (pattern != null && !pattern.matcher(value).matches()) {
				add(field, format, InvalidInput.CODE, key);
				return null;
			}
			return value;
		}

		String optionalText(String value, String field, int maxLength) {
			if (value == null || value.isBlank()) {
				return null;
			}
			String trimmed = value.strip();
			if (trimmed.length() > maxLength || CONTROL.matcher(trimmed).find()) {
				add(field, "must be at most " + maxLength + " characters without '|' or control characters",
						InvalidInput.CODE, "validation.text", maxLength);
				return null;
			}
			return trimmed;
		}

		<E extends Enum<E>> E optionalEnum(String value, String field, Class<E> type) {
			return optionalEnum(value, field, type, InvalidInput.CODE);
		}

		<E extends Enum<E>> E optionalEnum(String value, String field, Class<E> type, String code) {
			if (value == null || value.isBlank()) {
				return null;
			}
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(value)) {
					return constant;
				}
			}
			List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
			add(field, "must be one of " + String.join(", ", names), code, "validation.oneOf",
					String.join(", ", names));
			return null;
		}

		LocalDate date(String value, String field) {
			if (value == null || value.isBlank()) {
				add(field, "is required, as yyyy-MM-dd", InvalidInput.CODE, "validation.dateRequired");
				return null;
			}
			LocalDate date = CalendarDates.parse(value, DATE);
			if (date == null) {
				add(field, "must be a real date written yyyy-MM-dd", InvalidInput.CODE, "validation.date");
			}
			return date;
		}

		// as people type prices: 80, 80.5, 12.50, 9.9999 (YuanFormat.PRICE)
		BigDecimal decimal(String value, String field, YuanFormat kind, String format, String key) {
			if (value == null || value.isBlank()) {
				add(field, "is required", InvalidInput.CODE, "validation.required");
				return null;
			}
			if (!kind.matches(value)) {
				add(field, format, InvalidInput.CODE, key);
				return null;
			}
			return new BigDecimal(value);
		}

	}

}
