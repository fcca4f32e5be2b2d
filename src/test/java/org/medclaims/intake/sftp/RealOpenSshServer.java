package org.medclaims.intake.sftp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * A real OpenSSH sshd for one test class: its own config, ed25519 host key, pid file and
 * port on loopback, a hospital account with key authentication and the
 * {@code <root>/<H>/inbox|outbox} folders it owns. Needs {@code /usr/sbin/sshd} and root
 * (to start sshd and add the account).
 */
final class RealOpenSshServer {

	static final String SSHD = "/usr/sbin/sshd";

	static final String USER = "mchosp01";

	private static final Logger log = LoggerFactory.getLogger(RealOpenSshServer.class);

	final Path dir;

	final Path root;

	final Path hospitalKey;

	final Path medclaimsKey;

	final Path knownHosts;

	final int port;

	private final Path pidFile;

	/** Why this machine cannot run the real server, or null when it can. */
	static String unavailableBecause() {
		if (!Files.isExecutable(Path.of(SSHD))) {
			return SSHD + " is not installed (apt-get install openssh-server; .ci/run does)";
		}
		if (!"root".equals(System.getProperty("user.name"))) {
			return "the tests do not run as root, which starting sshd and adding a hospital account need";
		}
		for (String tool : List.of("/usr/bin/sftp", "/usr/bin/ssh-keygen", "/usr/bin/ssh-keyscan",
				"/usr/sbin/useradd")) {
			if (!Files.isExecutable(Path.of(tool))) {
				return tool + " is missing (apt-get install openssh-client passwd)";
			}
		}
		return null;
	}

	static boolean available() {
		String reason = unavailableBecause();
		if (reason != null) {
			log.warn("Real OpenSSH SFTP test skipped: {}", reason);
		}
		return reason == null;
	}

	RealOpenSshServer(List<String> hospitals) throws Exception {
		this.dir = Files.createTempDirectory("medclaims-openssh-");
		Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		this.root = this.dir.resolve("hospitals");
		this.pidFile = this.dir.resolve("sshd.pid");
		this.hospitalKey = this.dir.resolve("hospital_ed25519");
		this.medclaimsKey = this.dir.resolve("medclaims_ed25519");
		this.knownHosts = this.dir.resolve("known_hosts");
		this.port = freePort();
		Path hostKey = this.dir.resolve("ssh_host_ed25519_key");
		run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
		run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "hospital", "-f", this.hospitalKey.toString());
		run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "medclaims", "-f", this.medclaimsKey.toString());

		if (run(false, "id", "-u", USER).exitCode() != 0) {
			run("useradd", "--no-create-home", "--home-dir", this.dir.toString(), "--shell", "/bin/sh", USER);
		}
		else {
			run("usermod", "--home", this.dir.toString(), USER);
		}
		// useradd leaves the password locked, and sshd refuses a locked account even with
		// a valid key
		run("usermod", "-p", "*", USER);

		Path authorized = Files.createDirectories(this.dir.resolve("authorized_keys")).resolve(USER);
		Files.writeString(authorized, Files.readString(Path.of(this.hospitalKey + ".pub"))
				+ Files.readString(Path.of(this.medclaimsKey + ".pub")));
		Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-r--r--"));
		for (String hospital : hospitals) {
			for (String box : List.of("inbox", "outbox")) {
				Files.createDirectories(this.root.resolve(hospital).resolve(box));
			}
		}
		run("chown", "-R", USER, this.root.toString());

		Path config = this.dir.resolve("sshd_config");
		Files.writeString(config,
				String.join("\n", "Port " + this.port, "ListenAddress 127.0.0.1", "HostKey " + hostKey,
						"PidFile " + this.pidFile, "AuthorizedKeysFile " + this.dir + "/authorized_keys/%u",
						"PasswordAuthentication no", "KbdInteractiveAuthentication no", "PubkeyAuthentication yes",
						"UsePAM no", "StrictModes no", "AllowUsers " + USER, "Subsystem sftp internal-sftp",
						"LogLevel VERBOSE", ""));
		Files.createDirectories(Path.of("/run/sshd"));
		run("/usr/sbin/sshd", "-f", config.toString(), "-E", this.dir.resolve("sshd.log").toString());
		awaitListening();
		String keyscan = run("ssh-keyscan", "-p", String.valueOf(this.port), "-t", "ed25519", "127.0.0.1").output();
		Files.writeString(this.knownHosts,
				keyscan.lines().filter(l -> !l.startsWith("#")).reduce("", (a, l) -> a + l + "\n"));
		log.info("Real OpenSSH sshd on 127.0.0.1:{} (pid file {}), known_hosts: {}", this.port, this.pidFile,
				Files.readString(this.knownHosts).strip());
	}

	/**
	 * Uploads as a hospital does with the real client: under a temporary name, then
	 * renamed.
	 */
	void upload(String hospital, Path file) throws Exception {
		String inbox = this.root.resolve(hospital).resolve("inbox").toString();
		String name = file.getFileName().toString();
		Path batch = Files.writeString(this.dir.resolve("batch-" + name),
				String.join("\n", "put " + file.toAbsolutePath() + " " + inbox + "/" + name + ".part",
						"rename " + inbox + "/" + name + ".part " + inbox + "/" + name, ""));
		run("sftp", "-b", batch.toString(), "-i", this.hospitalKey.toString(), "-P", String.valueOf(this.port), "-o",
				"BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + this.knownHosts,
				USER + "@127.0.0.1");
	}

	Path inbox(String hospital) {
		return this.root.resolve(hospital).resolve("inbox");
	}

	Path outbox(String hospital) {
		return this.root.resolve(hospital).resolve("outbox");
	}

	String log() throws IOException {
		Path log = this.dir.resolve("sshd.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	void stop() throws Exception {
		if (Files.exists(this.pidFile)) {
			long pid = Long.parseLong(Files.readString(this.pidFile).strip());
			ProcessHandle.of(pid).ifPresent(sshd -> {
				sshd.destroy();
				sshd.onExit().orTimeout(10, TimeUnit.SECONDS).join();
			});
		}
		FileSystemUtils.deleteRecursively(this.dir);
	}

	private void awaitListening() {
		Awaitility.await("sshd listening on port " + this.port).atMost(Duration.ofSeconds(15)).until(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static Result run(String... command) throws Exception {
		return run(true, command);
	}

	private static Result run(boolean check, String... command) throws Exception {
		Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroy();
			throw new IllegalStateException(String.join(" ", command) + " did not finish");
		}
		if (check && process.exitValue() != 0) {
			throw new IllegalStateException(
					String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
		}
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}

}
