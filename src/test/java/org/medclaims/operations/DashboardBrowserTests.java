package org.medclaims.operations;

import org.medclaims.HeadlessChromium;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operator's morning in a real headless Chromium: sign in, find the failed run, restart it, see it complete. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "medclaims.security.users.olga.password={noop}olga-pw",
				"medclaims.security.users.olga.roles=OPERATOR" })
@Import(OperationsTestJobs.class)
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("flakyJob")
	Job flakyJob;

	HeadlessChromium chromium;

	WebDriver browser;

	@BeforeEach
	void startChromium() throws Exception {
		this.chromium = HeadlessChromium.startOrSkip();
		this.browser = this.chromium.driver();
	}

	@AfterEach
	void quit() throws Exception {
		if (this.chromium != null) {
			this.chromium.close();
		}
		OperationsTestJobs.failing.set(false);
	}

	@Test
	void anOperatorSignsInSeesTheFailedRunRestartsItAndSeesItComplete() throws Exception {
		JobExecution failed = runFlakyFailing();

		this.browser.get(url("/operations"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		this.browser.findElement(By.id("username")).sendKeys("olga");
		this.browser.findElement(By.id("password")).sendKeys("olga-pw");
		this.browser.findElement(By.id("sign-in")).click();

		WebElement row = row(failed.getId());
		assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("FAILED");
		assertThat(row.getText()).contains("flakyJob").contains("simulated");

		// the execution's own page offers the same actions as its row
		this.browser.get(url("/operations/executions/" + failed.getId()));
		assertThat(this.browser.findElement(By.cssSelector(".actions button.restart")).getText()).isEqualTo("Restart");
		assertThat(this.browser.findElement(By.cssSelector(".actions button.abandon")).findElement(By.xpath(".."))
			.getAttribute("data-confirm"))
			.isEqualTo("Abandon execution " + failed.getId() + " of flakyJob for good? It can never be restarted.");
		assertThat(this.browser.findElements(By.cssSelector(".actions button.stop"))).isEmpty();
		this.browser.get(url("/operations"));
		row = row(failed.getId());

		// cancelling the confirmation changes nothing
		row.findElement(By.cssSelector("button.restart")).click();
		wait(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).dismiss();
		assertThat(executionsOfInstance(failed)).isEqualTo(1);

		row(failed.getId()).findElement(By.cssSelector("button.restart")).click();
		String question = wait(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).getText();
		assertThat(question).isEqualTo("Restart execution " + failed.getId() + " of flakyJob?");
		this.browser.switchTo().alert().accept();

		String flash = this.browser.findElement(By.cssSelector(".flash.ok")).getText();
		assertThat(flash).startsWith("Execution " + failed.getId() + " restarted as execution ");
		long restartedId = Long.parseLong(flash.replaceAll(".* as execution (\\d+)\\.$", "$1"));
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			this.browser.navigate().refresh();
			return row(restartedId).findElement(By.cssSelector(".status")).getText();
		}, "COMPLETED"::equals);
		assertThat(row(restartedId).getText()).contains("flakyJob");
		assertThat(row(failed.getId()).findElements(By.cssSelector("button.restart"))).isEmpty();
	}

	private WebElement row(long id) {
		return this.browser.findElement(By.id("execution-" + id));
	}

	private WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(this.browser, timeout);
	}

	private JobExecution runFlakyFailing() throws Exception {
		OperationsTestJobs.failing.set(true);
		try {
			return this.jobOperator.start(this.flakyJob,
					new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
		}
		finally {
			OperationsTestJobs.failing.set(false);
		}
	}

	private int executionsOfInstance(JobExecution execution) {
		return this.jdbc.queryForObject("SELECT count(*) FROM batch_job_execution WHERE job_instance_id = ?",
				Integer.class, execution.getJobInstance().getId());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
