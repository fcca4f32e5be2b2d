package org.medclaims.intake;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manual measurement, not part of the build: one big claim file through the intake,
 * with time and peak heap.
 * {@code mvn test -Dtest=BigFileMeasurement -Dmedclaims.big-file=/tmp/x.clm -DargLine=-Xmx256m}
 */
@SpringBootTest(properties = "medclaims.intake.watch=false")
@EnabledIfSystemProperty(named = "medclaims.big-file", matches = ".+")
class BigFileMeasurement {

	@Autowired
	ClaimIntake intake;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	MedclaimsProperties folders;

	@Test
	void measuresOneBigFile() throws Exception {
		new IntakeTestSupport(this.jdbc, this.folders).reset(this.referenceImport);
		Path file = Path.of(System.getProperty("medclaims.big-file"));
		long size = Files.size(file);
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();

		JobExecution execution = this.intake.receive(file, ClaimIntake.LOCAL, file.toString());

		double seconds = (System.nanoTime() - start) / 1e9;
		long peakHeap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed())
			.sum();
		System.out.printf(
				"BIG FILE: %,d bytes, %s %s in %.1f s (%.1f MB/s), %,d claims, max heap %,d MB, peak heap (sum of pool peaks) %,d MB%n",
				size, execution.getStatus(), execution.getExitStatus().getExitCode(), seconds, size / 1e6 / seconds,
				this.jdbc.queryForObject("SELECT count(*) FROM claim", Long.class),
				Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

}
