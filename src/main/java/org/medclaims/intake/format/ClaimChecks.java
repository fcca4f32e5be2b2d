package org.medclaims.intake.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.medclaims.policy.Money;
import org.medclaims.system.PersonIds;

import static org.medclaims.intake.format.ClaimProblem.E_CLAIM_TOTAL;
import static org.medclaims.intake.format.ClaimProblem.E_DATES;
import static org.medclaims.intake.format.ClaimProblem.E_FORMAT;
import static org.medclaims.intake.format.ClaimProblem.E_LINE_AMOUNT;
import static org.medclaims.intake.format.ClaimProblem.E_LINE_COUNT;
import static org.medclaims.intake.format.ClaimProblem.E_PERSON_ID;
import static org.medclaims.intake.format.ClaimProblem.E_VISIT_TYPE;

/**
 * The claim-level checks that need nothing but the claim, the file date and the policy
 * versions: E_FORMAT to E_CLAIM_TOTAL, in table order. Later codes (E_DUPLICATE_CLAIM, …)
 * are the caller's.
 */
public final class ClaimChecks {

	private static final Set<String> VISIT_TYPES = Set.of("OUT", "INP", "SPD");

	private ClaimChecks() {
	}

	/**
	 * The claim typed, or its first problem in table order.
	 * @param fileDate the date of the file (its name and header)
	 * @param earliestPolicyDate the start of the earliest policy version
	 */
	public static ClaimVerdict check(ParsedClaim claim, LocalDate fileDate, LocalDate earliestPolicyDate) {
		Optional<ClaimProblem> problem = firstProblem(claim, fileDate, earliestPolicyDate);
		return problem.isPresent() ? problem.get() : typed(claim);
	}

	public static Optional<ClaimProblem> firstProblem(ParsedClaim claim, LocalDate fileDate,
			LocalDate earliestPolicyDate) {
		ClaimProblem problem = format(claim);
		if (problem == null) {
			problem = personId(claim);
		}
		if (problem == null && !VISIT_TYPES.contains(claim.visitType())) {
			problem = problem(E_VISIT_TYPE, claim.lineNo(), claim,
					"visit type '" + claim.visitType() + "' is not OUT, INP or SPD");
		}
		if (problem == null) {
			problem = dates(claim, fileDate, earliestPolicyDate);
		}
		if (problem == null && Formats.count(claim.lineCount()) != claim.lines().size()) {
			problem = problem(E_LINE_COUNT, claim.lineNo(), claim,
					"declares " + claim.lineCount() + " lines but has " + claim.lines().size());
		}
		if (problem == null) {
			problem = lineAmounts(claim);
		}
		if (problem == null) {
			problem = claimTotal(claim);
		}
		return Optional.ofNullable(problem);
	}

	private static ClaimProblem format(ParsedClaim claim) {
		long c = claim.lineNo();
		if (!Formats.claimNo(claim.claimNo())) {
			return problem(E_FORMAT, c, claim,
					"claim number '" + claim.claimNo() + "' is not 1 to 32 letters, digits or '-'");
		}
		if (Formats.date(claim.startDate()) == null) {
			return problem(E_FORMAT, c, claim, "start date '" + claim.startDate() + "' is not a date yyyyMMdd");
		}
		if (Formats.date(claim.endDate()) == null) {
			return problem(E_FORMAT, c, claim, "end date '" + claim.endDate() + "' is not a date yyyyMMdd");
		}
		if (Formats.amount(claim.totalAmount()) == null) {
			return problem(E_FORMAT, c, claim, "total '" + claim.totalAmount() + "' is not an amount like 12.30");
		}
		if (Formats.count(claim.lineCount()) < 0) {
			return problem(E_FORMAT, c, claim,
					"line count '" + claim.lineCount() + "' is not a number of at most 9 digits");
		}
		for (ParsedLine line : claim.lines()) {
			long l = line.fileLineNo();
			if (Formats.count(line.lineNo()) < 0) {
				return problem(E_FORMAT, l, claim,
						"line number '" + line.lineNo() + "' is not a number of at most 9 digits");
			}
			if (Formats.unitPrice(line.unitPrice()) == null) {
				return problem(E_FORMAT, l, claim,
						"unit price '" + line.unitPrice() + "' is not a price with 2 to 4 decimals");
			}
			if (Formats.quantity(line.quantity()) == null) {
				return problem(E_FORMAT, l, claim,
						"quantity '" + line.quantity() + "' is not a number with up to 3 decimals");
			}
			if (Formats.amount(line.amount()) == null) {
				return problem(E_FORMAT, l, claim, "amount '" + line.amount() + "' is not an amount like 12.30");
			}
		}
		return null;
	}

	private static ClaimProblem personId(ParsedClaim claim) {
		if (PersonIds.isValid(claim.patientId())) {
			return null;
		}
		return problem(E_PERSON_ID, claim.lineNo(), claim,
				"patient ID " + PersonIds.mask(claim.patientId()) + " is malformed or its check character is wrong");
	}

	private static ClaimProblem dates(ParsedClaim claim, LocalDate fileDate, LocalDate earliestPolicyDate) {
		LocalDate start = Formats.date(claim.startDate());
		LocalDate end = Formats.date(claim.endDate());
		if (end.isBefore(start)) {
			return problem(E_DATES, claim.lineNo(), claim, "ends " + end + ", before it starts " + start);
		}
		if (end.isAfter(fileDate)) {
			return problem(E_DATES, claim.lineNo(), claim, "ends " + end + ", after the file date " + fileDate);
		}
		if (end.isBefore(earliestPolicyDate)) {
			return problem(E_DATES, claim.lineNo(), claim,
					"ends " + end + ", before the earliest policy version of " + earliestPolicyDate);
		}
		return null;
	}

	private static ClaimProblem lineAmounts(ParsedClaim claim) {
		for (ParsedLine line : claim.lines()) {
			BigDecimal quantity = Formats.quantity(line.quantity());
			if (quantity.signum() == 0) {
				return problem(E_LINE_AMOUNT, line.fileLineNo(), claim, "line " + line.lineNo() + " has quantity 0");
			}
			// a decimal, not Money: ten-digit prices times ten-digit quantities overflow
			// a long of fen
			BigDecimal expected = Money.roundedYuan(Formats.unitPrice(line.unitPrice()).multiply(quantity));
			if (expected.compareTo(Formats.amount(line.amount()).toYuan()) != 0) {
				return problem(E_LINE_AMOUNT, line.fileLineNo(), claim,
						"line " + line.lineNo() + " amount " + line.amount() + " is not " + line.unitPrice() + " x "
								+ line.quantity() + " = " + expected.toPlainString());
			}
		}
		return null;
	}

	private static ClaimProblem claimTotal(ParsedClaim claim) {
		long sum = 0;
		for (ParsedLine line : claim.lines()) {
			long fen = Formats.amount(line.amount()).fen();
			if (sum > Long.MAX_VALUE - fen) {
				return problem(E_CLAIM_TOTAL, claim.lineNo(), claim, "lines add up to more than any total");
			}
			sum += fen;
		}
		if (Formats.amount(claim.totalAmount()).fen() != sum) {
			return problem(E_CLAIM_TOTAL, claim.lineNo(), claim,
					"total " + claim.totalAmount() + " differs from the sum of its lines " + Money.ofFen(sum));
		}
		return null;
	}

	private static ValidClaim typed(ParsedClaim claim) {
		List<ValidLine> lines = new ArrayList<>(claim.lines().size());
		for (ParsedLine line : claim.lines()) {
			lines.add(new ValidLine(line.fileLineNo(), Formats.count(line.lineNo()), line.itemCode(), line.itemName(),
					Formats.unitPrice(line.unitPrice()), Formats.quantity(line.quantity()),
					Formats.amount(line.amount())));
		}
		String special = ("SPD".equals(claim.visitType()) && !claim.specialDiseaseCode().isEmpty())
				? claim.specialDiseaseCode() : null;
		return new ValidClaim(claim.position(), claim.lineNo(), claim.claimNo(), claim.patientId(), claim.patientName(),
				claim.visitType(), Formats.date(claim.startDate()), Formats.date(claim.endDate()),
				claim.diagnosisCode(), special, Formats.amount(claim.totalAmount()), lines);
	}

	private static ClaimProblem problem(String code, long lineNo, ParsedClaim claim, String what) {
		return new ClaimProblem(code, lineNo, "Claim " + claim.claimNo() + " (line " + lineNo + "): " + what + ".");
	}

}
