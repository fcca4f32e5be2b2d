package org.medclaims.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medclaims.intake.*}: how the inbound folder is watched and how claims are
 * staged.
 *
 * @param stableFor how long a file's modification time (so its size too) must stay
 * unchanged before it is taken; counted in whole seconds, as LastModifiedFileListFilter
 * does
 * @param pollInterval how often the inbound folder is scanned in {@code serve}
 * @param chunkSize claims staged per transaction
 * @param progressEvery a progress line is logged every this many claims of a file
 * @param watch whether {@code serve} polls the inbound folder (tests that drive the
 * intake themselves turn it off)
 * @param threads files taken in at once (different hospitals' files; one hospital's go
 * one after another); unset: the number of cores
 */
@ConfigurationProperties("medclaims.intake")
public record IntakeProperties(@DefaultValue("5s") Duration stableFor, @DefaultValue("5s") Duration pollInterval,
		@DefaultValue("1000") int chunkSize, @DefaultValue("50000") int progressEvery,
		@DefaultValue("true") boolean watch, Integer threads) {

	int threadCount() {
		return (this.threads != null && this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
