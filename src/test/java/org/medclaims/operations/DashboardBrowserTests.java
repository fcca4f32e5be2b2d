package org.medclaims.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.medclaims.HeadlessChromium;
import org.medclaims.system.MedclaimsProperties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

/**
 * The operator's morning in a real headless Chromium: sign in, find the failed run,
 * restart it, see it complete.
 */
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
	MedclaimsProperties folders;

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
		signIn();

		WebElement row = row(failed.getId());
		assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("失败");
		assertThat(row.getText()).contains("flakyJob").contains("simulated");

		// the execution's own page offers the same actions as its row, and only those
		// that apply
		this.browser.get(url("/operations/executions/" + failed.getId()));
		assertThat(this.browser.findElement(By.cssSelector(".actions button.restart")).getText()).isEqualTo("重新启动");
		assertThat(this.browser.findElement(By.cssSelector(".actions button.abandon"))
			.findElement(By.xpath(".."))
			.getAttribute("data-confirm")).isEqualTo("永久放弃作业执行 " + failed.getId() + "（flakyJob）？放弃后不能再重新启动。");
		assertThat(this.browser.findElements(By.cssSelector(".actions button.stop"))).isEmpty();
		// parameters for people, the raw values on demand
		assertThat(this.browser.findElement(By.id("parameters")).getText()).contains("启动请求于 ")
			.doesNotContain("java.lang.Long");
		WebElement raw = this.browser.findElement(By.id("raw-parameters"));
		assertThat(raw.findElement(By.tagName("table")).isDisplayed()).isFalse();
		raw.findElement(By.tagName("summary")).click();
		assertThat(raw.getText()).contains("java.lang.Long").containsPattern("run\\s+\\d{13}");
		this.browser.get(url("/operations"));
		row = row(failed.getId());

		// cancelling the confirmation changes nothing
		row.findElement(By.cssSelector("button.restart")).click();
		wait(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).dismiss();
		assertThat(executionsOfInstance(failed)).isEqualTo(1);

		row(failed.getId()).findElement(By.cssSelector("button.restart")).click();
		String question = wait(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).getText();
		assertThat(question).isEqualTo("重新启动作业执行 " + failed.getId() + "（flakyJob）？");
		this.browser.switchTo().alert().accept();

		String flash = this.browser.findElement(By.cssSelector(".flash.ok")).getText();
		assertThat(flash).startsWith("作业执行 " + failed.getId() + " 已重新启动为作业执行 ");
		long restartedId = Long.parseLong(flash.replaceAll(".*为作业执行 (\\d+)。$", "$1"));
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			this.browser.navigate().refresh();
			return row(restartedId).findElement(By.cssSelector(".status")).getText();
		}, "完成"::equals);
		assertThat(row(restartedId).getText()).contains("flakyJob");
		assertThat(row(failed.getId()).findElements(By.cssSelector("button.restart"))).isEmpty();
	}

	@Test
	void aRejectedFileIsRedItsProblemsAreListedAndItsAnswerDownloads() throws Exception {
		Path stored = this.folders.rejectedDir().resolve("H330282002_20131231_909.clm");
		Files.createDirectories(stored.getParent());
		Files.writeString(stored, "H|MCR1|H330282002|20131231|909\nL|1|X|x|1.00|1|1.00\n");
		Files.writeString(stored.resolveSibling(stored.getFileName() + ".rej"),
				"H|MCR1|H330282002|H330282002_20131231_909.clm|2026-12-04T08:00:00Z\nE|F_RECORD|2|Line 2 is a line item\n");
		long rejected = this.jdbc.queryForObject(
				"""
						WITH batch AS (INSERT INTO intake_batch DEFAULT VALUES RETURNING id)
						INSERT INTO claim_file (batch_id, file_name, hospital_code, sha256, size_bytes, source, source_path,
						    local_path, status, reject_code, reject_message, stored_path, decided_at, intake_finished_at)
						SELECT batch.id, 'H330282002_20131231_909.clm', 'H330282002', repeat('a', 64), 60, 'LOCAL', 'in', 'in',
						    'REJECTED', 'F_RECORD', 'Line 2 is a line item (L) before any claim (C).', ?, now(), now() FROM batch
						RETURNING id
						""",
				Long.class, stored.toString());
		long batch = this.jdbc.queryForObject("SELECT batch_id FROM claim_file WHERE id = ?", Long.class, rejected);
		this.jdbc.update(
				"INSERT INTO claim_file_problem VALUES (?, 0, 'F_RECORD', 2, 'Line 2 is a line item (L) before any claim (C).')",
				rejected);

		this.browser.get(url("/operations"));
		signIn();
		WebElement badge = this.browser.findElement(By.cssSelector("#file-" + rejected + " .status"));
		assertThat(badge.getText()).isEqualTo("已拒收");
		assertThat(badge.getCssValue("color")).isEqualTo("rgba(198, 40, 40, 1)");

		this.browser.findElement(By.cssSelector("#file-" + rejected + " a.file-link")).click();
		assertThat(this.browser.findElement(By.id("file-status")).getText()).isEqualTo("已拒收");
		assertThat(this.browser.findElement(By.id("problems")).getText()).contains("F_RECORD")
			.contains("Line 2 is a line item");
		WebElement answer = this.browser.findElement(By.id("answer"));
		assertThat(answer.getText()).isEqualTo("下载 H330282002_20131231_909.clm.rej");
		// what the link downloads, fetched with the operator's own session
		String downloaded = (String) ((JavascriptExecutor) this.browser)
			.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('Content-Disposition') + '\\n' + t)));",
					answer.getAttribute("href"));
		assertThat(downloaded).startsWith("200 attachment; filename=\"H330282002_20131231_909.clm.rej\"")
			.contains("E|F_RECORD|2|Line 2 is a line item");

		// files are found by hospital and outcome
		this.browser.get(url("/operations/files?outcome=REJECTED&hospital=H330282002"));
		assertThat(this.browser.findElement(By.id("file-count")).getText()).isEqualTo("共 1 个文件");
		this.browser.get(url("/operations/files?outcome=ACCEPTED"));
		assertThat(this.browser.findElements(By.id("file-" + rejected))).isEmpty();
		// an intake execution's batch parameter leads here too
		this.browser.get(url("/operations/files?batch=" + batch));
		assertThat(this.browser.findElements(By.cssSelector("#files tbody tr"))).extracting(e -> e.getAttribute("id"))
			.containsExactly("file-" + rejected);
	}

	@Test
	void theDashboardDrawsTheLast30DaysAndTheNavShowsOnlyTheOperatorsPages() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		LocalDate today = LocalDate.now(shanghai);
		settledAt(today.atTime(9, 0).atZone(shanghai).toInstant(), 150000L);
		settledAt(today.atTime(10, 0).atZone(shanghai).toInstant(), 50000L);
		settledAt(today.minusDays(3).atTime(23, 30).atZone(shanghai).toInstant(), 7000L);
		// 40 days ago: outside the picture
		settledAt(today.minusDays(40).atTime(12, 0).atZone(shanghai).toInstant(), 9900L);

		this.browser.get(url("/operations"));
		signIn();
		List<WebElement> days = this.browser.findElements(By.cssSelector("svg#chart g.day"));
		assertThat(days).hasSize(30);
		assertThat(days.get(0).getAttribute("data-day")).isEqualTo(today.minusDays(29).toString());
		assertThat(days.get(29).getAttribute("data-day")).isEqualTo(today.toString());
		assertThat(days.get(29).getAttribute("data-settled")).isEqualTo("2");
		assertThat(days.get(29).getAttribute("data-fund")).isEqualTo("2000.00");
		assertThat(days.get(26).getAttribute("data-settled")).isEqualTo("1");
		assertThat(days.stream().mapToLong(d -> Long.parseLong(d.getAttribute("data-settled"))).sum()).isEqualTo(3);
		assertThat(this.browser.findElement(By.cssSelector("svg#chart polyline.fund-line"))
			.getAttribute("points")
			.split(" ")).hasSize(30);
		assertThat(this.browser.getPageSource()).doesNotContain("<script src=\"http");

		assertThat(this.browser.findElement(By.id("nav")).getText()).contains("运维总览")
			.contains("理赔文件")
			.doesNotContain("经办台");
		this.browser.get(url("/desk"));
		assertThat(this.browser.findElement(By.id("required-role")).getText()).contains("经办员（CLERK 角色）");
	}

	private void settledAt(java.time.Instant at, long fund) {
		long claim = this.jdbc.queryForObject("SELECT coalesce(max(claim_id), 0) + 1 FROM settlement", Long.class);
		this.jdbc.update("""
				INSERT INTO settlement (claim_id, status, message, total, self_pay, self_pay_first, deductible, segment,
				    coinsurance, over_cap, fund, current_account, historical_account, family_account, cash, settled_at)
				VALUES (?, 'SETTLED', 'settled', ?, 0, 0, 0, 0, 0, 0, ?, 0, 0, 0, 0, ?)""", claim, fund, fund,
				java.sql.Timestamp.from(at));
	}

	private void signIn() {
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		this.browser.findElement(By.id("username")).sendKeys("olga");
		this.browser.findElement(By.id("password")).sendKeys("olga-pw");
		this.browser.findElement(By.id("sign-in")).click();
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
