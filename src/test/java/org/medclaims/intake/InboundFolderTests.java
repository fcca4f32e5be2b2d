package org.medclaims.intake;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.integration.metadata.SimpleMetadataStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file seen while the database was down is not skipped until the next start. */
class InboundFolderTests {

	@TempDir
	Path dir;

	@Test
	void aFileWhoseArrivalCouldNotBeRecordedIsTakenOnceTheDatabaseAnswersAgain() throws Exception {
		DatabaseDown store = new DatabaseDown();
		Path inbound = Files.createDirectories(this.dir.resolve("inbound"));
		InboundFolder folder = new InboundFolder(new MedclaimsProperties(null, null, inbound, null, null, null, null),
				store);
		Path file = Files.writeString(inbound.resolve("H330282001_20131231_001.clm"), "H|MCF1|...");
		assertThat(folder.takeNewFiles()).containsExactly(file.toAbsolutePath());

		// the arrival could not be recorded, and the database refuses the forget too
		store.down = true;
		folder.forgetOrRetry(file);
		assertThat(folder.takeNewFiles()).isEmpty();
		assertThatThrownBy(folder::forgetPending).hasMessage("Connection refused");
		assertThat(folder.takeNewFiles()).as("still down").isEmpty();

		store.down = false;
		folder.forgetPending();

		assertThat(folder.takeNewFiles()).containsExactly(file.toAbsolutePath());
		folder.forgetPending();
		assertThat(folder.takeNewFiles()).as("forgotten once, not at every retry").isEmpty();
	}

	/** The JDBC metadata store while PostgreSQL is unreachable: every removal fails. */
	static final class DatabaseDown extends SimpleMetadataStore {

		volatile boolean down;

		@Override
		public String remove(String key) {
			if (this.down) {
				throw new IllegalStateException("Connection refused");
			}
			return super.remove(key);
		}

	}

}
