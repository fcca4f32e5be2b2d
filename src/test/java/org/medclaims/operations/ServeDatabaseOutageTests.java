package org.medclaims.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medclaims.Examples;
import org.medclaims.StoppablePostgres;
import org.medclaims.reference.ReferenceImport;
import org.medclaims.system.MedclaimsProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code serve} heals by itself: with its PostgreSQL stopped and started under it, health
 * goes DOWN then UP, and a claim file dropped after the return is taken in, settled and
 * answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "medclaims.command=serve", "medclaims.intake.watch=true", "medclaims.intake.stable-for=1s",
				"medclaims.intake.poll-interval=200ms", "medclaims.intake.retry-interval=2s",
				"medclaims.settlement.cron=*/2 * * * * *", "spring.datasource.hikari.connection-timeout=2000" })
class ServeDatabaseOutageTests {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	private static StoppablePostgres server;

	@LocalServerPort
	int port;

	@Autowired
	ReferenceImport referenceImport;

	@Autowired
	MedclaimsProperties folders;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) throws Exception {
		server = StoppablePostgres.start(Files.createTempDirectory("medclaims-serve-outage"));
		String url = server.createDatabase("serve_outage");
		registry.add("spring.datasource.url", () -> url);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void healthGoesDownAndUpWithTheDatabaseAndAFileDroppedAfterwardsIsAnswered() throws Exception {
		assertThat(this.referenceImport.importFrom(Examples.reference()).succeeded()).isTrue();
		assertThat(health()).isEqualTo(200);

		server.stop();
		await().atMost(PATIENCE).until(() -> health() == 503);
		server.start();
		await().atMost(PATIENCE).until(() -> health() == 200);

		String name = "H330282004_20131231_001.clm";
		Path temporary = this.folders.inboundDir().resolve(name + ".part");
		Files.createDirectories(this.folders.inboundDir());
		Files.copy(Examples.file(name), temporary);
		Files.move(temporary, this.folders.inboundDir().resolve(name));
		Path response = this.folders.outboundDir().resolve("H330282004").resolve("H330282004_20131231_001.res");
		await().atMost(PATIENCE).until(() -> Files.exists(response));
		// the example's claims, settled and rejected; the amounts depend on the other
		// files of the example
		assertThat(Files.readAllLines(response)).hasSize(22).last().asString().startsWith("T|20|15|5|64577.66|");
	}

	private int health() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode();
	}

}
