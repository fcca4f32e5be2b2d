package org.medclaims.adhoc;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.HeadlessChromium;
import org.medclaims.TestRegistry;
import org.medclaims.settlement.SettlementLauncher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.medclaims.TestRegistry.line;

/**
 * A clerk reverses a settled claim on its desk page in a real headless Chromium: the
 * reason, the confirmation, the result.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"medclaims.security.users.clara.password={noop}clara-pw", "medclaims.security.users.clara.roles=CLERK" })
class ReversalBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SettlementLauncher settlement;

	HeadlessChromium chromium;

	WebDriver browser;

	@BeforeEach
	void settledClaimAndChromium() throws Exception {
		this.chromium = HeadlessChromium.startOrSkip();
		this.browser = this.chromium.driver();
		TestRegistry given = TestRegistry.workedExamples(this.jdbc);
		given.file("HOS1", "HOS1_20130701_001.clm");
		given.claim("A", A_PATIENT, "OUT", LocalDate.of(2013, 6, 1), null, line("DRUG-A", "300.00", "1", 30000L),
				line("ITEM-B10", "200.00", "1", 20000L));
		assertThat(this.settlement.settle().getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@AfterEach
	void quit() throws Exception {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void aClerkReversesASettledClaimWithAReasonAfterConfirming() {
		this.browser.get(url("/desk/claims/HOS1/A"));
		this.browser.findElement(By.id("username")).sendKeys("clara");
		this.browser.findElement(By.id("password")).sendKeys("clara-pw");
		this.browser.findElement(By.id("sign-in")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/desk/claims/HOS1/A"));
		assertThat(text("claim-status")).isEqualTo("已结算");
		assertThat(this.browser.findElements(By.id("reversal"))).isEmpty();

		// without a reason the browser does not even ask
		this.browser.findElement(By.id("reverse")).click();
		assertThat(ExpectedConditions.alertIsPresent().apply(this.browser)).isNull();
		this.browser.findElement(By.id("reason")).sendKeys("wrong patient: the hospital sends it again");
		this.browser.findElement(By.id("reverse")).click();
		var confirm = new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent());
		assertThat(confirm.getText()).contains("确认冲正单据 A？");
		confirm.dismiss();
		assertThat(status()).isEqualTo("SETTLED");

		this.browser.findElement(By.id("reverse")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();

		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.id("claim-status"), "冲正"));
		assertThat(text("reversal-reason")).isEqualTo("wrong patient: the hospital sends it again");
		assertThat(text("reversed-by")).isEqualTo("clara");
		assertThat(text("returned-current")).isEqualTo("200.00");
		assertThat(text("returned-historical")).isEqualTo("192.00");
		assertThat(this.browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("单据 A 已冲正");
		assertThat(this.browser.findElements(By.id("reverse-form"))).isEmpty();
		// the settlement stays on the page, for the record
		assertThat(text("amount-currentAccount")).isEqualTo("200.00");
		assertThat(status()).isEqualTo("REVERSED");
		assertThat(this.jdbc
			.queryForList("SELECT current_account, historical_account FROM person WHERE person_id = ?", A_PATIENT)
			.get(0)
			.values()).containsExactly(20000L, 500000L);
	}

	private String status() {
		return this.jdbc.queryForObject("SELECT status FROM claim WHERE claim_no = 'A'", String.class);
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
