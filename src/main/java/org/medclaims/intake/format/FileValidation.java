package org.medclaims.intake.format;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.medclaims.policy.Money;

/**
 * The outcome of one pass over a claim file.
 *
 * @param fileName the file's name
 * @param problems the problems found, decisive first (table order, then line); bounded in
 * length, see {@link #problemsTruncated()}
 * @param problemsTruncated whether more problems were found than listed
 * @param sha256 SHA-256 of the raw bytes, lower-case hex
 * @param charset the declared charset, null when the header does not declare a known one
 * @param claimCount number of {@code C} records
 * @param lineCount number of {@code L} records
 * @param totalAmount sum of the {@code C} totals that parse
 * @param size file size in bytes
 */
public record FileValidation(String fileName, List<FileProblem> problems, boolean problemsTruncated, String sha256,
		Charset charset, long claimCount, long lineCount, Money totalAmount, long size) {

	public FileValidation {
		Objects.requireNonNull(fileName, "fileName");
		Objects.requireNonNull(sha256, "sha256");
		Objects.requireNonNull(totalAmount, "totalAmount");
		List<FileProblem> sorted = new ArrayList<>(problems);
		sorted.sort(FileProblem.DECISIVE_FIRST);
		problems = List.copyOf(sorted);
	}

	public boolean accepted() {
		return this.problems.isEmpty();
	}

	/** The problem that rejects the file: the first in table order. */
	public Optional<FileProblem> decisive() {
		return this.problems.isEmpty() ? Optional.empty() : Optional.of(this.problems.get(0));
	}

	/**
	 * This validation with a problem the caller found (F_DUPLICATE, F_SEQUENCE), kept in
	 * table order.
	 */
	public FileValidation withProblem(FileProblem problem) {
		List<FileProblem> more = new ArrayList<>(this.problems);
		more.add(problem);
		return new FileValidation(this.fileName, more, this.problemsTruncated, this.sha256, this.charset,
				this.claimCount, this.lineCount, this.totalAmount, this.size);
	}

}
