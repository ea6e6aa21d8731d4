package com.wedsync.calsync.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.wedsync.calsync.support.ApplicationTest;
import com.wedsync.calsync.support.CalSyncApi;
import com.wedsync.calsync.testpeers.CalDavTestServer;
import com.wedsync.calsync.testpeers.CalDavTestServers;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page in a real headless Chromium (Debian {@code chromium} and
 * {@code chromium-driver}, installed by {@code scripts/install-test-peers}): a tenant
 * opens it with its token, presses "Sync now", watches the progress bar move and reads
 * the final counts. Screenshots of the page mid-sync and as it ends are saved under
 * {@code target/screenshots/} ({@code status-page-syncing.png}, {@code status-page.png}).
 */
@ApplicationTest
class StatusPageBrowserTests {

	static final int EVENTS = 400;

	static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	@LocalServerPort
	int port;

	@TempDir
	Path profile;

	ChromeDriver browser;

	@BeforeEach
	void startBrowser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + this.profile, "--window-size=1100,760");
		ChromeDriverService driver = new ChromeDriverService.Builder()
			.usingDriverExecutable(Paths.get("/usr/bin/chromedriver").toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(driver, options);
	}

	@AfterEach
	void stopBrowser() {
		this.browser.quit();
	}

	@Test
	void shouldShowTheProgressBarMoveAndTheFinalCountsOfASyncStartedFromThePage() {
		CalDavTestServer radicale = CalDavTestServers.radicale();
		radicale.removeAllCalendars();
		SeededCalendars.create(radicale, "wedding-season", EVENTS);
		CalSyncApi api = new CalSyncApi(this.port);
		UUID integration = api.connect(radicale, "tenant-a");
		String token = api.issueTenantToken("tenant-a");

		this.browser.get("http://127.0.0.1:" + this.port + "/#token=" + token);
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.until((page) -> page.findElement(By.id("live")).getText().equals("live"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/status");
		WebElement section = this.browser.findElement(By.cssSelector(".integration[data-id='" + integration + "']"));
		assertThat(section.findElement(By.cssSelector(".health")).getText()).isEqualTo("ACTIVE");

		section.findElement(By.cssSelector(".sync-now")).click();
		List<Integer> shownWhileRunning = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		String state = "";
		while (!state.equals("COMPLETED") && !state.equals("FAILED") && System.nanoTime() < deadline) {
			state = section.findElement(By.cssSelector(".sync-state")).getText();
			if (state.equals("STARTED") || state.equals("IN_PROGRESS")) {
				int processed = Integer
					.parseInt(section.findElement(By.cssSelector(".progress")).getDomAttribute("aria-valuenow"));
				if (processed > 0 && shownWhileRunning.stream().noneMatch((shown) -> shown > 0)) {
					screenshot("status-page-syncing.png");
				}
				shownWhileRunning.add(processed);
			}
			sleep();
		}
		assertThat(state).isEqualTo("COMPLETED");
		// the bar moved while the sync ran: some values between empty and full
		assertThat(shownWhileRunning).isSorted();
		assertThat(shownWhileRunning.stream().filter((processed) -> processed > 0).distinct())
			.hasSizeGreaterThanOrEqualTo(2);
		assertThat(section.findElement(By.cssSelector(".counts")).getText())
			.isEqualTo("created " + EVENTS + " · updated 0 · deleted 0 · conflicts 0");
		wait.until((page) -> section.findElement(By.cssSelector(".fill")).getDomAttribute("style").contains("100%"));
		wait.until((page) -> section.findElements(By.cssSelector(".calendars tbody tr")).size() == 1);
		assertThat(section.findElement(By.cssSelector(".calendars tbody")).getText()).contains("wedding-season");

		screenshot("status-page.png");
	}

	private void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.copy(this.browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(40);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
