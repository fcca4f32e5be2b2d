package org.medclaims.intake.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks whole claim files at file level: {@link ClaimFileScanner} reading every claim.
 */
public final class ClaimFileValidator {

	private final HospitalCheck hospitals;

	public ClaimFileValidator(HospitalCheck hospitals) {
		this.hospitals = Objects.requireNonNull(hospitals, "hospitals");
	}

	public FileValidation validate(Path file) throws IOException {
		return validate(file, file.getFileName().toString());
	}

	/**
	 * Validates {@code file} as if it were named {@code fileName} (a download kept under
	 * another name).
	 */
	public FileValidation validate(Path file, String fileName) throws IOException {
		return ClaimFileScanner.validate(file, fileName, this.hospitals);
	}

}
