package org.medclaims.operations;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.operations.CrashRecovery.OwnerState.ALIVE;
import static org.medclaims.operations.CrashRecovery.OwnerState.DEAD;
import static org.medclaims.operations.CrashRecovery.OwnerState.ELSEWHERE;
import static org.medclaims.operations.CrashRecovery.OwnerState.UNKNOWN;

/**
 * What an execution's badge says and which actions it offers: only those that can
 * succeed.
 */
class ExecutionSummaryTests {

	@Test
	void aRejectedFilesIntakeIsNotShownAsASuccess() {
		assertThat(execution("COMPLETED", "REJECTED", true, ALIVE).outcome()).isEqualTo("REJECTED");
		assertThat(execution("COMPLETED", "COMPLETED", true, ALIVE).outcome()).isEqualTo("COMPLETED");
		assertThat(execution("FAILED", "FAILED", true, DEAD).outcome()).isEqualTo("FAILED");
		assertThat(execution("STARTED", "UNKNOWN", true, DEAD).outcome()).isEqualTo("CRASHED");
	}

	@Test
	void aRunningExecutionOffersStopOnlyWhileItsProcessLives() {
		for (CrashRecovery.OwnerState owner : new CrashRecovery.OwnerState[] { ALIVE, ELSEWHERE, UNKNOWN }) {
			ExecutionSummary running = execution("STARTED", "UNKNOWN", true, owner);
			assertThat(running.stoppable()).as(owner.name()).isTrue();
			assertThat(running.restartable()).as(owner.name()).isFalse();
			assertThat(running.abandonable()).as(owner.name()).isFalse();
		}
		ExecutionSummary crashed = execution("STARTED", "UNKNOWN", true, DEAD);
		assertThat(crashed.stoppable()).isFalse();
		assertThat(crashed.restartable()).isTrue();
		assertThat(crashed.abandonable()).isTrue();
		assertThat(execution("STOPPING", "UNKNOWN", true, ALIVE).stoppable()).isFalse();
	}

	@Test
	void onlyTheLatestFailedOrStoppedExecutionIsRestartedOrAbandoned() {
		for (String status : new String[] { "FAILED", "STOPPED" }) {
			assertThat(execution(status, status, true, DEAD).restartable()).isTrue();
			assertThat(execution(status, status, true, DEAD).abandonable()).isTrue();
			assertThat(execution(status, status, false, DEAD).restartable()).isFalse();
			assertThat(execution(status, status, false, DEAD).abandonable()).isFalse();
			assertThat(execution(status, status, true, DEAD).stoppable()).isFalse();
		}
		for (String status : new String[] { "COMPLETED", "ABANDONED" }) {
			ExecutionSummary done = execution(status, status, true, UNKNOWN);
			assertThat(done.restartable() || done.abandonable() || done.stoppable()).as(status).isFalse();
		}
	}

	private static ExecutionSummary execution(String status, String exitCode, boolean latest,
			CrashRecovery.OwnerState owner) {
		return new ExecutionSummary(7, "settlementJob", "run=1", status, exitCode, null, LocalDateTime.now(), null, 0,
				0, 0, 0, 0, 0, null, "1@host", latest, owner);
	}

}
