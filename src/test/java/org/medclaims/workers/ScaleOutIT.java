package org.medclaims.workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medclaims.TestDatabases;
import org.medclaims.bench.DataGenerator;
import org.medclaims.operations.RunOnceProcesses;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out with real processes: a manager ({@code run-once} with workers enabled) and
 * two {@code worker} processes of the packaged jar, over the machine's RabbitMQ (through
 * a relay the test can cut), on 20,000 claims in 20 files. Whatever happens to a worker
 * or the broker, the answers, ledger, balances and yearly totals equal those of one
 * process.
 */
class ScaleOutIT {

	private static final Path JAR = Path.of("target/medclaims.jar").toAbsolutePath();

	private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(6);

	private static final Duration PATIENCE = Duration.ofMinutes(5);

	// the size for the comparison with one process; a smaller one for the faults
	private static final int[] LARGE = { 20_000, 1_000 };

	private static final int[] SMALL = { 4_000, 500 };

	private static final Map<Integer, Scenario> scenarios = new java.util.HashMap<>();

	private static Path shared;

	/** Generated claim files and what one process makes of them. */
	private record Scenario(Path files, Map<String, String> answers, List<List<String>> results) {
	}

	Scenario scenario;

	@TempDir
	Path dir;

	TcpProxy broker;

	String url;

	final List<Process> processes = new ArrayList<>();

	final Map<String, Process> workers = new java.util.LinkedHashMap<>();

	@BeforeAll
	static void brokerHere(@TempDir Path temporary) {
		assumeTrue(brokerAnswers(), "Scale-out tests skipped: no RabbitMQ at 127.0.0.1:5672 (guest/guest); .ci/run"
				+ " starts one (rabbitmq-server -detached)");
		shared = temporary;
	}

	// generated once per size, with the results of one process
	private void use(int[] size) throws Exception {
		this.scenario = scenarios.get(size[0]);
		if (this.scenario == null) {
			Path files = shared.resolve("scenario-" + size[0]);
			DataGenerator.generate(DataGenerator.Options.of(20131231L, size[0], files).withClaimsPerFile(size[1]));
			this.scenario = new Scenario(files, Map.of(), List.of());
			Path clean = shared.resolve("clean-" + size[0]);
			String cleanUrl = TestDatabases.create("ScaleOutOneProcess");
			Process one = start(clean, cleanUrl, 0, "run-once", "one-process");
			assertThat(one.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(one.exitValue()).as("one process (%s)", clean.resolve("one-process.log")).isZero();
			List<List<String>> results = new ArrayList<>();
			for (String query : RunOnceProcesses.RESULTS) {
				results.add(RunOnceProcesses.column(cleanUrl, query));
			}
			this.scenario = new Scenario(files, RunOnceProcesses.answers(clean.resolve("outbound")), results);
			assertThat(this.scenario.answers()).hasSize(size[0] / size[1]);
			scenarios.put(size[0], this.scenario);
		}
	}

	@BeforeEach
	void relayAndDatabase() {
		purgeQueue();
		this.broker = new TcpProxy(5672);
		this.url = TestDatabases.create("ScaleOut");
	}

	@AfterEach
	void stopEverything() {
		this.processes.forEach(Process::destroyForcibly);
		this.broker.close();
		purgeQueue();
	}

	@Test
	void aManagerAndTwoWorkersGiveTheResultsOfOneProcess() throws Exception {
		use(LARGE);
		workers(2);

		Process manager = manager("run-once");

		assertThat(manager.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(manager.exitValue()).as("the manager (%s)", log("run-once")).isZero();
		assertSameAsOneProcess();
		assertThat(RunOnceProcesses.column(this.url, "SELECT DISTINCT pid FROM step_execution_owner ORDER BY 1"))
			.as("partitions run by both workers, none by the manager")
			.hasSize(2);
	}

	@Test
	void aWorkerKilledMidSettlementFailsTheJobWithinTheHeartbeatTimeoutAndTheRestartCompletes() throws Exception {
		use(SMALL);
		workers(2);
		// a patient's account row held: the partition of their household waits there, in
		// one of the workers
		Process manager = manager("first");
		// after the reference import, which writes the person rows: once the files have
		// arrived
		Connection hold = hold("BEGIN; SELECT 1 FROM person WHERE person_id = '" + aPatient() + "' FOR UPDATE",
				"SELECT 1 FROM claim_file");
		String worker = await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> blockedWorker("settleHouseholdPartition", hold), w -> w != null);
		kill(worker);
		hold.close();

		assertThat(manager.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(manager.exitValue()).as("the manager ends FAILED (%s)", log("first")).isOne();
		assertThat(Files.readString(log("first"))).contains("has not said it is alive since");
		restartCompletes();
	}

	@Test
	void aWorkerKilledMidIntakeFailsTheJobWithinTheHeartbeatTimeoutAndTheRestartCompletes() throws Exception {
		use(SMALL);
		workers(2);
		Connection hold = hold("SELECT pg_advisory_lock(4, hashtext('" + busiestHospital() + "'))");
		Process manager = manager("first");
		String worker = await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> blockedWorker("takeFile", hold), w -> w != null);
		kill(worker);
		hold.close();

		assertThat(manager.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(manager.exitValue()).as("the manager ends FAILED (%s)", log("first")).isOne();
		restartCompletes();
	}

	@Test
	void aBrokerLostMidRunFailsTheJobAfterTheTimeoutAndTheRestartCompletes() throws Exception {
		use(SMALL);
		workers(2);
		Connection hold = hold("SELECT pg_advisory_lock(4, hashtext('" + busiestHospital() + "'))");
		Process manager = manager("first");
		await().atMost(PATIENCE).ignoreExceptions().until(() -> blockedWorker("takeFile", hold), w -> w != null);
		this.broker.cut();
		hold.close();

		assertThat(manager.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(manager.exitValue()).as("the manager ends FAILED (%s)", log("first")).isOne();
		assertThat(Files.readString(log("first"))).contains("the message broker could not be reached");
		this.broker.restore();
		restartCompletes();
	}

	@Test
	void aStoppedWorkerHandsItsPartitionBackAndTheRunCompletesOnTheOther() throws Exception {
		use(SMALL);
		workers(2);
		Process manager = manager("run-once");
		Connection hold = hold("BEGIN; SELECT 1 FROM person WHERE person_id = '" + aPatient() + "' FOR UPDATE",
				"SELECT 1 FROM claim_file");
		String worker = await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> blockedWorker("settleHouseholdPartition", hold), w -> w != null);
		Process stopping = this.workers.get(worker);
		stopping.destroy(); // SIGTERM
		// once the worker says it stops, the lock goes: the partition finishes the chunk
		// it waits in and is handed back
		await().atMost(PATIENCE)
			.until(() -> Files.readString(log(worker)).contains("finishes its chunk and is handed back"));
		hold.close();
		assertThat(stopping.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

		assertThat(manager.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(manager.exitValue()).as("the manager (%s)", log("run-once")).isZero();
		assertThat(Files.readString(log(worker))).contains("handed back at its last commit");
		assertSameAsOneProcess();
	}

	@Test
	void aWorkerThatCannotSeeTheInboundFolderRefusesToStart() throws Exception {
		use(SMALL);
		Process worker = start(this.dir.resolve("blind"), this.url, this.broker.port(), "worker", "blind",
				"--medclaims.inbound-dir=" + this.dir.resolve("no/such/folder"));
		this.processes.add(worker);

		assertThat(worker.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(worker.exitValue()).isOne();
		// (the temporary folder's long number is masked like a resident ID)
		assertThat(Files.readString(this.dir.resolve("blind").resolve("blind.log")))
			.contains("This worker cannot reach the shared folder ")
			.contains("/no/such/folder (medclaims.inbound-dir): mount the storage the manager uses there");
	}

	// the run-once after the fault sends only the unfinished partitions, to the remaining
	// worker
	private void restartCompletes() throws Exception {
		if (this.workers.values().stream().filter(Process::isAlive).count() < 1) {
			workers(1);
		}
		Process again = manager("again");
		assertThat(again.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(again.exitValue()).as("the restart (%s)", log("again")).isZero();
		assertSameAsOneProcess();
	}

	private void assertSameAsOneProcess() throws Exception {
		Path run = this.dir.resolve("run");
		assertThat(RunOnceProcesses.differences(RunOnceProcesses.answers(run.resolve("outbound")),
				this.scenario.answers()))
			.as("answers")
			.isEmpty();
		for (int i = 0; i < RunOnceProcesses.RESULTS.size(); i++) {
			assertThat(RunOnceProcesses.column(this.url, RunOnceProcesses.RESULTS.get(i)))
				.as(RunOnceProcesses.RESULTS.get(i))
				.isEqualTo(this.scenario.results().get(i));
		}
		assertThat(run.resolve("inbound")).isEmptyDirectory();
	}

	// each worker's connections are named after it: the test sees which one waits on its
	// lock
	private List<Process> workers(int count) throws IOException {
		List<Process> started = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String name = "worker-" + (this.workers.size() + 1);
			Process worker = start(this.dir.resolve("run"), this.url, this.broker.port(), "worker", name,
					"--spring.datasource.hikari.data-source-properties.ApplicationName=" + name);
			this.processes.add(worker);
			this.workers.put(name, worker);
			started.add(worker);
		}
		return started;
	}

	private Process manager(String name) throws IOException {
		Process manager = start(this.dir.resolve("run"), this.url, this.broker.port(), "run-once", name,
				"--medclaims.workers.enabled=true");
		this.processes.add(manager);
		return manager;
	}

	private Path log(String name) {
		return this.dir.resolve("run").resolve(name + ".log");
	}

	/**
	 * The worker whose partition of that step waits on the test's lock (held by that
	 * connection), or null.
	 */
	private String blockedWorker(String step, Connection hold) throws SQLException {
		int holder;
		try (var rs = hold.createStatement().executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			holder = rs.getInt(1);
		}
		List<String> waiting = RunOnceProcesses.column(this.url,
				"""
						SELECT application_name FROM pg_stat_activity
						 WHERE application_name LIKE 'worker-%%' AND %d = ANY (pg_blocking_pids(pid))
						   AND EXISTS (SELECT 1 FROM batch_step_execution s WHERE s.step_name LIKE '%s:%%' AND s.status = 'STARTED')
						"""
					.formatted(holder, step));
		return waiting.isEmpty() ? null : waiting.get(0);
	}

	private void kill(String worker) throws InterruptedException {
		Process victim = this.workers.get(worker);
		victim.destroyForcibly(); // SIGKILL: no hand-back, no heartbeat any more
		victim.waitFor(30, TimeUnit.SECONDS);
	}

	// an advisory lock needs no schema: taken before the manager starts
	private Connection hold(String sql) throws Exception {
		return hold(sql, "SELECT 1");
	}

	// the lock is taken once the ready query finds a row (the schema is made by the first
	// process)
	private Connection hold(String sql, String ready) throws Exception {
		await().atMost(PATIENCE).ignoreExceptions().until(() -> {
			try (Connection c = DriverManager.getConnection(this.url, "postgres", null)) {
				return c.createStatement().executeQuery(ready).next();
			}
		});
		Connection connection = DriverManager.getConnection(this.url, "postgres", null);
		connection.createStatement().execute(sql);
		return connection;
	}

	// an insured patient with a claim in the first file: their household is settled in
	// some partition
	private String aPatient() throws IOException {
		Path scenario = this.scenario.files();
		java.util.Set<String> insured = new java.util.HashSet<>();
		Files.readAllLines(scenario.resolve("reference/persons.csv")).forEach(l -> insured.add(l.split(",")[0]));
		try (var files = Files.list(scenario.resolve("inbound"))) {
			for (Path file : files.sorted().toList()) {
				for (String line : Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
					String[] f = line.split("\\|");
					if (f[0].equals("C") && insured.contains(f[2])) {
						return f[2];
					}
				}
			}
		}
		throw new IllegalStateException("no insured patient in the scenario");
	}

	private String busiestHospital() throws IOException {
		Path scenario = this.scenario.files();
		try (var files = Files.list(scenario.resolve("inbound"))) {
			return files.map(f -> f.getFileName().toString().split("_")[0])
				.collect(java.util.stream.Collectors.groupingBy(h -> h, java.util.stream.Collectors.counting()))
				.entrySet()
				.stream()
				.max(Map.Entry.comparingByValue())
				.orElseThrow()
				.getKey();
		}
	}

	/**
	 * A process of the packaged jar on the scenario's folders under {@code run}; 0 as
	 * broker port: none.
	 */
	private Process start(Path run, String url, int brokerPort, String command, String name, String... extra)
			throws IOException {
		Path scenario = this.scenario.files();
		Path inbound = run.resolve("inbound");
		if (!Files.isDirectory(inbound)) {
			Files.createDirectories(inbound);
			try (var files = Files.list(scenario.resolve("inbound"))) {
				for (Path file : files.toList()) {
					Files.copy(file, inbound.resolve(file.getFileName()));
				}
			}
		}
		for (String folder : List.of("outbound", "archive", "rejected")) {
			Files.createDirectories(run.resolve(folder));
		}
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-jar", JAR.toString(), command, "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--medclaims.reference-dir=" + scenario.resolve("reference"),
				"--medclaims.settlement.chunk-size=5", "--medclaims.intake.chunk-size=100",
				"--medclaims.workers.partitions=8",
				"--medclaims.workers.heartbeat-timeout=" + HEARTBEAT_TIMEOUT.toSeconds() + "s",
				"--medclaims.workers.poll-interval=500ms", "--spring.rabbitmq.host=127.0.0.1",
				"--spring.rabbitmq.port=" + brokerPort, "--spring.rabbitmq.username=guest",
				"--spring.rabbitmq.password=guest", "--spring.rabbitmq.connection-timeout=2s"));
		for (String folder : List.of("inbound", "outbound", "archive", "rejected")) {
			String option = "--medclaims." + folder + "-dir=";
			if (java.util.Arrays.stream(extra).noneMatch(e -> e.startsWith(option))) {
				line.add(option + run.resolve(folder));
			}
		}
		line.addAll(List.of(extra));
		return new ProcessBuilder(line).redirectErrorStream(true)
			.redirectOutput(run.resolve(name + ".log").toFile())
			.start();
	}

	private static boolean brokerAnswers() {
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new java.net.InetSocketAddress("127.0.0.1", 5672), 2000);
			return true;
		}
		catch (IOException ex) {
			LoggerFactory.getLogger(ScaleOutIT.class).warn("No RabbitMQ at 127.0.0.1:5672: {}", ex.getMessage());
			return false;
		}
	}

	private static void purgeQueue() {
		CachingConnectionFactory factory = new CachingConnectionFactory("127.0.0.1", 5672);
		factory.setUsername("guest");
		factory.setPassword("guest");
		try {
			new RabbitAdmin(factory).purgeQueue(WorkersProperties.QUEUE, false);
		}
		catch (RuntimeException ex) {
			// no queue yet
		}
		finally {
			factory.destroy();
		}
	}

}
