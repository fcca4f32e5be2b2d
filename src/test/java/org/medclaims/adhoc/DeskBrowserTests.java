package org.medclaims.adhoc;

import org.medclaims.HeadlessChromium;
import org.medclaims.TestRegistry;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.TestRegistry.AWAY;

/** A clerk's first claim in a real headless Chromium: sign in, find the patient, enter lines, preview, settle. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "medclaims.security.users.clara.password={noop}clara-pw",
				"medclaims.security.users.clara.roles=CLERK" })
class DeskBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	HeadlessChromium chromium;

	WebDriver browser;

	@BeforeEach
	void startChromium() throws Exception {
		this.chromium = HeadlessChromium.startOrSkip();
		this.browser = this.chromium.driver();
		TestRegistry.workedExamples(this.jdbc);
	}

	@AfterEach
	void quit() throws Exception {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void aClerkSettlesAnOutOfAreaClaimFromTheReceipts() {
		this.browser.get(url("/desk"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		this.browser.findElement(By.id("username")).sendKeys("clara");
		this.browser.findElement(By.id("password")).sendKeys("clara-pw");
		this.browser.findElement(By.id("sign-in")).click();

		this.browser.findElement(By.id("personId")).sendKeys(AWAY);
		this.browser.findElement(By.id("find-person")).click();
		assertThat(this.browser.findElement(By.id("historical-account")).getText()).isEqualTo("10000.00");
		assertThat(this.browser.findElement(By.id("patient")).getText()).contains("1000.00");

		type("claimNo", "ADH-2013-000123");
		type("startDate", "2013-05-28");
		type("endDate", "2013-06-01");
		type("hospitalCode", "SH0001");
		type("hospitalName", "上海某医院");
		select("hospitalLevel", "TERTIARY");
		select("hospitalRegion", "OUT_OF_AREA");
		select("reason", "OUT_OF_AREA");
		fillLine(0, "DRUG-A", "250.00", "2");
		this.browser.findElement(By.id("add-line")).click();
		fillLine(1, "ITEM-C", "9.9999", "3");
		this.browser.findElement(By.id("add-line")).click();
		fillLine(2, "DRUG-A", "1.00", "1");
		this.browser.findElements(By.cssSelector("tr.line .remove-line")).get(2).click();
		assertThat(this.browser.findElements(By.cssSelector("tr.line"))).hasSize(2);
		// the amount was filled in as round(9.9999 × 3) = 30.00
		assertThat(this.browser.findElement(By.name("lines[1].amount")).getAttribute("value")).isEqualTo("30.00");
		assertThat(this.browser.findElement(By.id("settle")).isEnabled()).isFalse();

		this.browser.findElement(By.id("preview")).click();
		WebElement preview = this.browser.findElement(By.id("preview-result"));
		assertThat(preview.getText()).contains("Ad-hoc first self-pay 50.00").contains("class C, self-pay");
		assertThat(text("amount-fund")).isEqualTo("270.00");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();

		this.browser.findElement(By.id("settle")).click();

		// the click returns once the form is sent; the claim's page comes after the redirect
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/desk/claims/SH0001/ADH-2013-000123"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/desk/claims/SH0001/ADH-2013-000123");
		assertThat(text("claim-status")).isEqualTo("SETTLED");
		// E 500.00, first self-pay 50.00, fund round(450.00 × 0.60) = 270.00, coinsurance 180.00,
		// historical 180.00 + 50.00, class C 30.00 in cash
		assertThat(List.of(text("amount-total"), text("amount-selfPay"), text("amount-selfPayFirst"),
				text("amount-fund"), text("amount-historicalAccount"), text("amount-cash")))
			.containsExactly("530.00", "30.00", "50.00", "270.00", "230.00", "30.00");
		assertThat(this.browser.findElement(By.id("audit")).getText()).contains("clara").contains("PREVIEWED")
			.contains("SUBMITTED").contains("SETTLED");
		assertThat(this.jdbc.queryForObject("SELECT historical_account FROM person WHERE person_id = ?", Long.class,
				AWAY)).isEqualTo(1000000L - 23000L);
	}

	private void fillLine(int row, String itemCode, String unitPrice, String quantity) {
		this.browser.findElement(By.name("lines[" + row + "].itemCode")).sendKeys(itemCode);
		this.browser.findElement(By.name("lines[" + row + "].unitPrice")).sendKeys(unitPrice);
		this.browser.findElement(By.name("lines[" + row + "].quantity")).sendKeys(quantity);
		// leaving the field fires the change that fills in the amount
		this.browser.findElement(By.name("lines[" + row + "].itemName")).click();
	}

	private void type(String id, String value) {
		WebElement field = this.browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
	}

	private void select(String id, String value) {
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.id(id))).selectByValue(value);
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
