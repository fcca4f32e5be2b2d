package org.medclaims.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.medclaims.claims.ClaimFileQueries;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.stereotype.Component;

/**
 * Where a file's answer lies: an accepted file's .res in
 * {@code outbound-dir/<hospital>/}, a rejected file's .rej beside it in
 * {@code rejected-dir} (kept for good), else in the outbound folder.
 */
@Component
class FileAnswers {

	private final MedclaimsProperties folders;

	FileAnswers(MedclaimsProperties folders) {
		this.folders = folders;
	}

	Optional<Path> of(ClaimFileQueries.ClaimFile file) {
		String name = file.answerName();
		if (name == null) {
			return Optional.empty();
		}
		if ("REJECTED".equals(file.status()) && file.storedPath() != null) {
			Path kept = Path.of(file.storedPath() + ".rej");
			if (Files.isRegularFile(kept)) {
				return Optional.of(kept);
			}
		}
		String hospital = file.hospitalCode() != null ? file.hospitalCode() : file.fileName().split("_", 2)[0];
		Path outbound = this.folders.outboundDir().resolve(hospital).resolve(name);
		return Files.isRegularFile(outbound) ? Optional.of(outbound) : Optional.empty();
	}

}
