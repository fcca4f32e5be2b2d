package org.medclaims.operations;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@SpringBootTest
@Import(OperationsTestJobs.class)
class CrashRecoveryTests {

	@Autowired
	CrashRecovery crashRecovery;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JobControl control;

	String host = ExecutionOwner.current().host();

	@BeforeEach
	void noFailures() {
		OperationsTestJobs.failing.set(false);
	}

	@Test
	void marksFailedAnExecutionWhoseOwnerDiedWithItsRunningSteps() throws Exception {
		long deadPid = OperationsTestJobs.deadPid();
		JobExecution crashed = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", deadPid, this.host);

		assertThat(this.crashRecovery.recoverDeadOwners()).containsExactly(crashed.getId());

		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT status, exit_code, exit_message, end_time FROM batch_job_execution WHERE job_execution_id = ?",
				crashed.getId());
		assertThat(row).containsEntry("status", "FAILED").containsEntry("exit_code", "FAILED");
		assertThat(row.get("end_time")).isNotNull();
		assertThat(row.get("exit_message")).isEqualTo("process " + deadPid + " on " + this.host
				+ " died while running this execution: marked FAILED at start of serve");
		Map<String, Object> step = this.jdbc.queryForMap(
				"SELECT status, exit_code, end_time, read_count FROM batch_step_execution WHERE job_execution_id = ?",
				crashed.getId());
		assertThat(step).containsEntry("status", "FAILED")
			.containsEntry("exit_code", "FAILED")
			.containsEntry("read_count", 729L);
		assertThat(step.get("end_time")).isNotNull();
		assertThat(this.crashRecovery.recoverDeadOwners()).isEmpty();
	}

	@Test
	void anExecutionHasItsOwnerFromTheTransactionThatCreatesIt() throws Exception {
		// what a process killed right after creating an execution leaves: no listener has
		// run yet
		JobParameters parameters = new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters();
		JobExecution created = this.jobRepository.createJobExecution(
				this.jobRepository.createJobInstance("flakyJob", parameters), parameters, new ExecutionContext());

		Map<String, Object> owner = this.jdbc.queryForMap("SELECT host, pid, command, process_started_at"
				+ " FROM job_execution_owner WHERE job_execution_id = ?", created.getId());
		assertThat(owner).containsEntry("host", this.host)
			.containsEntry("pid", ProcessHandle.current().pid())
			.containsEntry("command", "serve");
		assertThat(owner.get("process_started_at")).isNotNull();
		assertThat(this.jdbc.queryForObject(
				"SELECT process_start_ticks FROM job_execution_owner WHERE job_execution_id = ?", Long.class,
				created.getId()))
			.isEqualTo(ExecutionOwner.current().startTicks());
		assertThat(this.crashRecovery.ownership(created).state()).isEqualTo(CrashRecovery.OwnerState.ALIVE);

		long deadPid = OperationsTestJobs.deadPid();
		this.jdbc.update("UPDATE job_execution_owner SET pid = ? WHERE job_execution_id = ?", deadPid, created.getId());
		assertThat(this.crashRecovery.recoverDeadOwners()).containsExactly(created.getId());
		assertThat(status(created)).isEqualTo("FAILED");
	}

	@Test
	void leavesAloneAnExecutionWhoseOwnerLives() {
		JobExecution running = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", ProcessHandle.current().pid(), this.host);

		assertThat(this.crashRecovery.recoverDeadOwners()).doesNotContain(running.getId());

		assertThat(status(running)).isEqualTo("STARTED");
	}

	@Test
	void leavesAloneExecutionsOfOtherHostsAndThoseWithoutOwner() throws Exception {
		JobExecution elsewhere = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", OperationsTestJobs.deadPid(), "another-host.example");
		JobExecution ownerless = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", 0, null);

		assertThat(this.crashRecovery.recoverDeadOwners()).doesNotContain(elsewhere.getId(), ownerless.getId());

		assertThat(status(elsewhere)).isEqualTo("STARTED");
		assertThat(status(ownerless)).isEqualTo("STARTED");
	}

	@Test
	void aRecycledPidIsNotTheOwner() {
		JobExecution crashed = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", ProcessHandle.current().pid(), this.host);
		// the same pid, but a process that started long before this one
		this.jdbc.update(
				"UPDATE job_execution_owner SET process_started_at = now() - interval '3 days',"
						+ " process_start_ticks = ? WHERE job_execution_id = ?",
				ExecutionOwner.current().startTicks() == null ? null
						: ExecutionOwner.current().startTicks() - 25_920_000L,
				crashed.getId());

		assertThat(this.crashRecovery.recoverDeadOwners()).containsExactly(crashed.getId());
	}

	@Test
	void aWallClockSteppedSinceTheOwnerStartedDoesNotMakeItDead() {
		Long ticks = ExecutionOwner.current().startTicks();
		assumeTrue(ticks != null, "no /proc/<pid>/stat here: start instants only");
		JobExecution running = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", ProcessHandle.current().pid(), this.host);
		// this process, recorded by a JVM whose idea of the boot time an NTP step moved
		// by a minute
		this.jdbc.update("UPDATE job_execution_owner SET process_started_at = now() - interval '1 minute',"
				+ " process_start_ticks = ? WHERE job_execution_id = ?", ticks, running.getId());

		assertThat(this.crashRecovery.recoverDeadOwners()).doesNotContain(running.getId());
		assertThat(status(running)).isEqualTo("STARTED");
	}

	@Test
	void everyJobRecordsItsOwnerAndARestartFinishesWhatACrashLeft() throws Exception {
		JobExecution crashed = OperationsTestJobs.crashedExecution(this.jobRepository, this.jdbc, "flakyJob",
				"flakyStep", OperationsTestJobs.deadPid(), this.host);

		JobExecution restarted = this.control.restart(crashed.getId(), true);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getJobInstance().getId()).isEqualTo(crashed.getJobInstance().getId());
		assertThat(status(crashed)).isEqualTo("FAILED");
		Map<String, Object> owner = this.jdbc.queryForMap(
				"SELECT host, pid, command FROM job_execution_owner WHERE job_execution_id = ?", restarted.getId());
		assertThat(owner).containsEntry("host", this.host).containsEntry("pid", ProcessHandle.current().pid());
		assertThat(this.jdbc.queryForObject("SELECT write_count FROM batch_step_execution WHERE job_execution_id = ?",
				Long.class, restarted.getId()))
			.isEqualTo(3L);
	}

	@Test
	void theLedgerChecksOfTheOperatorsGuideRunAndFindNothingOnAConsistentLedger() throws Exception {
		String guide = java.nio.file.Files.readString(java.nio.file.Path.of("jobs/README.md"));
		java.util.regex.Matcher sql = java.util.regex.Pattern
			.compile("```sql\n(.*?)```", java.util.regex.Pattern.DOTALL)
			.matcher(guide);
		int checks = 0;
		while (sql.find()) {
			assertThat(this.jdbc.queryForList(sql.group(1).strip().replaceAll(";$", ""))).isEmpty();
			checks++;
		}
		assertThat(checks).isEqualTo(2);
	}

	private String status(JobExecution execution) {
		return this.jdbc.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?",
				String.class, execution.getId());
	}

}
