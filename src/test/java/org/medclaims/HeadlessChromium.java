package org.medclaims;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven by its ChromeDriver with a fresh profile. A test
 * that needs it is skipped, with the reason in the log, where the binaries are not
 * installed.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(HeadlessChromium.class);

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private final Path profile;

	private final WebDriver driver;

	private HeadlessChromium(Path profile, WebDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	public static HeadlessChromium startOrSkip() throws IOException {
		boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (!present) {
			log.warn("Browser test skipped: {} or {} is missing (apt-get install chromium chromium-driver)", CHROMIUM,
					CHROMEDRIVER);
		}
		assumeTrue(present, "chromium and chromedriver are not installed");
		Path profile = Files.createTempDirectory("chromium-profile-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		// without the background-networking flags Chromium floods the closed network with
		// refused connections
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=zh-CN");
		// a clerk's browser in China: Accept-Language zh-CN, as the pages expect by
		// default
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return new HeadlessChromium(profile, driver);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * The pages the current page prints on, on A4 paper as the browser lays it out for
	 * printing.
	 */
	public int printedA4Pages() {
		String pdf = new String(Base64.getDecoder()
			.decode(((PrintsPage) this.driver).print(new PrintOptions().setPageSize(PageSize.ISO_A4)).getContent()),
				StandardCharsets.ISO_8859_1);
		Matcher page = Pattern.compile("/Type\\s*/Page[^s]").matcher(pdf);
		int pages = 0;
		while (page.find()) {
			pages++;
		}
		return pages;
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		FileSystemUtils.deleteRecursively(this.profile);
	}

}
