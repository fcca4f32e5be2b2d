package org.medclaims.adhoc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medclaims.HeadlessChromium;
import org.medclaims.TestRegistry;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medclaims.TestRegistry.AWAY;
import static org.medclaims.TestRegistry.A_PATIENT;
import static org.medclaims.TestRegistry.B_PATIENT;

/**
 * A clerk's day in a real headless Chromium (Accept-Language zh-CN): settle a claim, find
 * claims, let the catalog fill a line, confirm a name the registry spells otherwise, read
 * the pages in English, print a receipt, meet the 403 and 404 pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"medclaims.security.users.clara.password={noop}clara-pw", "medclaims.security.users.clara.roles=CLERK" })
class DeskBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	HeadlessChromium chromium;

	WebDriver browser;

	TestRegistry given;

	@BeforeEach
	void startChromium() throws Exception {
		this.chromium = HeadlessChromium.startOrSkip();
		this.browser = this.chromium.driver();
		this.given = TestRegistry.workedExamples(this.jdbc);
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
		signIn();

		this.browser.findElement(By.id("personId")).sendKeys(AWAY);
		this.browser.findElement(By.id("find-person")).click();
		assertThat(this.browser.findElement(By.id("historical-account")).getText()).isEqualTo("10,000.00");
		assertThat(this.browser.findElement(By.id("patient")).getText()).contains("1,000.00");
		// the registry's name fills the claim's
		assertThat(this.browser.findElement(By.id("patientName")).getAttribute("value")).isEqualTo("测试");

		fillOutOfAreaClaim("ADH-2013-000123");
		fillLine(0, "DRUG-A", "250", "2");
		this.browser.findElement(By.id("add-line")).click();
		fillLine(1, "ITEM-C", "9.9999", "3");
		this.browser.findElement(By.id("add-line")).click();
		fillLine(2, "DRUG-A", "1.00", "1");
		this.browser.findElements(By.cssSelector("tr.line .remove-line")).get(2).click();
		assertThat(this.browser.findElements(By.cssSelector("tr.line"))).hasSize(2);
		// the amounts were filled in as 250 × 2 = 500.00 and round(9.9999 × 3) = 30.00
		assertThat(this.browser.findElement(By.name("lines[0].amount")).getAttribute("value")).isEqualTo("500.00");
		assertThat(this.browser.findElement(By.name("lines[1].amount")).getAttribute("value")).isEqualTo("30.00");
		assertThat(this.browser.findElement(By.id("settle")).isEnabled()).isFalse();

		this.browser.findElement(By.id("preview")).click();
		WebElement preview = this.browser.findElement(By.id("preview-result"));
		assertThat(preview.getText()).contains("Ad-hoc first self-pay 50.00").contains("class C, self-pay");
		assertThat(text("amount-fund")).isEqualTo("270.00");
		assertThat(this.browser.findElements(By.id("name-mismatch"))).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();

		this.browser.findElement(By.id("settle")).click();

		// the click returns once the form is sent; the claim's page comes after the
		// redirect
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/desk/claims/SH0001/ADH-2013-000123"));
		assertThat(text("claim-status")).isEqualTo("已结算");
		// E 500.00, first self-pay 50.00, fund round(450.00 × 0.60) = 270.00, coinsurance
		// 180.00,
		// historical 180.00 + 50.00, class C 30.00 in cash
		assertThat(List.of(text("amount-total"), text("amount-selfPay"), text("amount-selfPayFirst"),
				text("amount-fund"), text("amount-historicalAccount"), text("amount-cash")))
			.containsExactly("530.00", "30.00", "50.00", "270.00", "230.00", "30.00");
		assertThat(this.browser.findElement(By.id("audit")).getText()).contains("clara")
			.contains("预览")
			.contains("提交")
			.contains("结算");
		assertThat(
				this.jdbc.queryForObject("SELECT historical_account FROM person WHERE person_id = ?", Long.class, AWAY))
			.isEqualTo(1000000L - 23000L);
	}

	@Test
	void aClerkFindsClaimsByHospitalAndStatusAPageAtATimeAndOpensOne() {
		this.given.file("HOS1", "HOS1_20130701_001.clm");
		for (int i = 1; i <= 25; i++) {
			this.given.claim("C-" + i, A_PATIENT, "OUT", LocalDate.of(2013, 6, 1).plusDays(i), "DRUG-A", 100000L * i);
		}
		this.given.file("HOS2", "HOS2_20130701_001.clm");
		this.given.claim("OTHER", B_PATIENT, "OUT", LocalDate.of(2013, 6, 30), "DRUG-A", 500L);
		this.jdbc.update("UPDATE claim SET status = 'REJECTED', reject_code = 'E_CLAIM_TOTAL' WHERE claim_no = 'C-25'");

		this.browser.get(url("/desk/search"));
		signIn();
		this.browser.findElement(By.id("search-hospital")).sendKeys("HOS1");
		new Select(this.browser.findElement(By.id("search-status"))).selectByVisibleText("待结算");
		submitWith("search");

		assertThat(text("match-count")).isEqualTo("共 24 条");
		List<WebElement> rows = this.browser.findElements(By.cssSelector("#claims tbody tr"));
		assertThat(rows).hasSize(20);
		// newest service date first, amounts with separators, codes as labels
		assertThat(rows.get(0).getText()).contains("C-24").contains("24,000.00").contains("门诊").contains("待结算");
		clickAndWait(this.browser.findElement(By.cssSelector(".pages .older")));
		assertThat(this.browser.findElements(By.cssSelector("#claims tbody tr"))).extracting(WebElement::getText)
			.hasSize(4)
			.allMatch(row -> !row.contains("OTHER"))
			.last()
			.asString()
			.contains("C-1 ");

		this.browser.findElements(By.cssSelector("#claims tbody tr")).get(0).findElement(By.cssSelector("td")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/desk/claims/HOS1/C-4"));
		assertThat(text("claim-status")).isEqualTo("待结算");
	}

	@Test
	void theLineEditorSuggestsCatalogItemsValidOnTheServiceDateAndFillsTheLine() {
		this.jdbc.update("""
				INSERT INTO catalog_item (item_code, name, self_pay_ratio, max_unit_price, valid_from, valid_to) VALUES
				    ('X00016', '项目16', 0.20, 93, DATE '2012-01-01', DATE '2013-04-30'),
				    ('X00016', '项目16', 0.10, 99.5, DATE '2013-05-01', NULL)""");
		this.browser.get(url("/desk"));
		signIn();
		type("endDate", "2013-06-01");

		WebElement code = this.browser.findElement(By.name("lines[0].itemCode"));
		code.sendKeys("x0001");
		WebElement suggestion = new WebDriverWait(this.browser, Duration.ofSeconds(5)).until(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.line ul.suggestions li[data-code]")));
		assertThat(suggestion.getText()).contains("X00016 · 项目16")
			.contains("乙类")
			.contains("自付比例 0.1")
			.contains("最高限价 99.50");
		suggestion.click();

		assertThat(code.getAttribute("value")).isEqualTo("X00016");
		assertThat(this.browser.findElement(By.name("lines[0].itemName")).getAttribute("value")).isEqualTo("项目16");
		assertThat(this.browser.findElement(By.cssSelector("tr.line .item-info")).getText()).contains("最高限价 99.50");
		assertThat(this.browser.findElement(By.cssSelector("tr.line ul.suggestions")).isDisplayed()).isFalse();
	}

	@Test
	void aNameThatDiffersFromTheRegistryIsShownAndMustBeConfirmedBeforeSettling() {
		this.browser.get(url("/desk"));
		signIn();
		this.browser.findElement(By.id("personId")).sendKeys(AWAY);
		submitWith("find-person");
		type("patientName", "张三");
		fillOutOfAreaClaim("ADH-NAME-1");
		fillLine(0, "DRUG-A", "100", "1");
		submitWith("preview");

		assertThat(text("name-mismatch")).contains("基础数据登记为“测试”").contains("报销单填写为“张三”");
		submitWith("settle");
		assertThat(text("error")).contains("请核对，勾选确认后再结算");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM claim", Integer.class)).isZero();

		submitWith("preview");
		this.browser.findElement(By.id("name-confirmed")).click();
		assertThat(this.browser.findElement(By.id("settle")).isEnabled()).isTrue();
		this.browser.findElement(By.id("settle")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/ADH-NAME-1"));
		assertThat(
				this.jdbc.queryForObject("SELECT patient_name FROM claim WHERE claim_no = 'ADH-NAME-1'", String.class))
			.isEqualTo("张三");
	}

	@Test
	void thePagesSpeakChineseAndEnglishOnRequest() {
		this.browser.get(url("/desk?personId=" + A_PATIENT));
		signIn();
		assertThat(text("find-person")).isEqualTo("查找参保人");
		assertThat(text("person-category")).isEqualTo("在职 · 正常参保");
		assertThat(new Select(this.browser.findElement(By.id("visitType"))).getOptions())
			.extracting(WebElement::getText)
			.containsExactly("门诊", "住院", "特殊病种");

		this.browser.get(url("/desk?lang=en&personId=" + A_PATIENT));
		assertThat(text("find-person")).isEqualTo("Find patient");
		assertThat(text("person-category")).isEqualTo("In service · Active");
		// the choice is remembered from page to page, and the header offers the way back
		this.browser.get(url("/desk/search"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Claims");
		this.browser.findElement(By.id("other-language")).click();
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("报销单查询");
	}

	@Test
	void theReceiptOfASettledClaimPrintsOnOneA4Page() throws Exception {
		HttpResponse<String> settled = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/adhoc-claims")))
				.header("Content-Type", "application/json")
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clara:clara-pw".getBytes()))
				.POST(HttpRequest.BodyPublishers.ofString(AdhocRequests.json(AdhocRequests.claim("RCPT-1", "HOS1",
						A_PATIENT, "OUT", "2013-06-01", AdhocRequests.line("DRUG-A", "1200", "2", "2400.00"),
						AdhocRequests.line("ITEM-B10", "20.00", "10", "200.00")))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(settled.statusCode()).isEqualTo(201);

		this.browser.get(url("/desk/claims/HOS1/RCPT-1"));
		signIn();
		this.browser.findElement(By.id("receipt-link")).click();
		WebElement receipt = this.browser.findElement(By.id("receipt"));
		assertThat(receipt.getText()).contains("慈溪市医疗保障局")
			.contains("医疗费用结算单")
			.contains("项目 DRUG-A")
			.contains("2,400.00")
			.contains("经办人（签字）")
			.contains("参保人（签字）");
		assertThat(text("receipt-no")).matches("\\d{8}-\\d{8}");
		assertThat(text("receipt-total")).isEqualTo("2,600.00 元");
		assertThat(this.browser.findElement(By.id("print")).isDisplayed()).isTrue();
		assertThat(this.chromium.printedA4Pages()).isEqualTo(1);
	}

	@Test
	void aClerkSeesOnlyHerNavAndIsToldWhichRoleAPageNeedsAndWhatIsMissing() {
		this.browser.get(url("/desk"));
		signIn();
		assertThat(this.browser.findElement(By.id("nav")).getText()).contains("经办台").doesNotContain("运维总览");

		this.browser.get(url("/operations"));
		assertThat(text("required-role")).isEqualTo("此页面仅供运维员（OPERATOR 角色）使用。");
		assertThat(this.browser.getPageSource()).doesNotContain("Whitelabel");

		this.browser.get(url("/desk/claims/HOS1/NOPE-1"));
		assertThat(text("not-found")).isEqualTo("没有医院 HOS1 的报销单 NOPE-1。");
		this.browser.get(url("/desk/persons/" + TestRegistry.STRANGER));
		assertThat(text("not-found")).contains("基础数据中没有参保人");
		this.browser.get(url("/no/such/page"));
		assertThat(text("not-found")).isEqualTo("没有这个页面。");
	}

	private void signIn() {
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		this.browser.findElement(By.id("username")).sendKeys("clara");
		this.browser.findElement(By.id("password")).sendKeys("clara-pw");
		this.browser.findElement(By.id("sign-in")).click();
	}

	private void fillOutOfAreaClaim(String claimNo) {
		type("claimNo", claimNo);
		type("startDate", "2013-05-28");
		type("endDate", "2013-06-01");
		type("hospitalCode", "SH0001");
		type("hospitalName", "上海某医院");
		select("hospitalLevel", "TERTIARY");
		select("hospitalRegion", "OUT_OF_AREA");
		select("reason", "OUT_OF_AREA");
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
		new Select(this.browser.findElement(By.id(id))).selectByValue(value);
	}

	// clicks a submit button and waits for the page it loads: an element found before
	// then is gone
	private void submitWith(String buttonId) {
		clickAndWait(this.browser.findElement(By.id(buttonId)));
	}

	private void clickAndWait(WebElement element) {
		element.click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(element));
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
