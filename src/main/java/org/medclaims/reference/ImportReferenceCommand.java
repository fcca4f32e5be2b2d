package org.medclaims.reference;

import java.nio.file.Path;
import java.util.List;

import org.medclaims.system.Command;
import org.medclaims.system.OperatorMistake;

import org.springframework.stereotype.Component;

/**
 * {@code import-reference [dir]}: imports the reference CSVs; exit 0 when every file was
 * imported.
 */
@Component
class ImportReferenceCommand implements Command {

	private final ReferenceImport referenceImport;

	ImportReferenceCommand(ReferenceImport referenceImport) {
		this.referenceImport = referenceImport;
	}

	@Override
	public String name() {
		return "import-reference";
	}

	@Override
	public int run(List<String> arguments) throws Exception {
		Path dir = arguments.isEmpty()
				? this.referenceImport.configuredDir()
					.orElseThrow(() -> new OperatorMistake(
							"No folder given: run 'import-reference <dir>' or set medclaims.reference-dir."))
				: Path.of(arguments.get(0));
		ReferenceImport.Outcome outcome = this.referenceImport.importFrom(dir);
		outcome.summary().forEach(System.out::println);
		outcome.problems().forEach(System.err::println);
		if (!outcome.succeeded()) {
			System.err
				.println("Reference import of " + dir + " ended " + outcome.execution().getExitStatus().getExitCode()
						+ " (execution " + outcome.execution().getId() + "): " + outcome.whatToDo());
		}
		return outcome.succeeded() ? 0 : 1;
	}

}
