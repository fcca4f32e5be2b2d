package org.medclaims.intake.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An Apache MINA SSHD SFTP server on a loopback port, as spring-integration-sftp's own
 * tests run one: an ed25519 host key, public-key authentication for one client key, a
 * virtual file system in a folder, and switches that make it fail the way real servers
 * do.
 */
final class EmbeddedSftpServer {

	final Path root;

	final Path clientKey;

	final KeyPair hostKey = ed25519();

	private final KeyPair clientKeys = ed25519();

	private SshServer server;

	private int port;

	/** Closes the connection while this file is being read. */
	volatile Predicate<String> dropWhileReading = path -> false;

	/** Answers "permission denied" when this directory is listed. */
	volatile Predicate<String> denyListing = path -> false;

	/** Answers "permission denied" when this file is opened for writing. */
	volatile Predicate<String> denyWriting = path -> false;

	/** The password the server accepts, or null for key authentication only. */
	volatile String password;

	/** How many passwords clients offered. */
	final AtomicInteger passwordsOffered = new AtomicInteger();

	/** How often each file was opened for reading, by its path under the root. */
	final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

	EmbeddedSftpServer(Path dir) throws Exception {
		this.root = Files.createDirectories(dir.resolve("server-root"));
		this.clientKey = dir.resolve("id_ed25519");
		try (OutputStream out = Files.newOutputStream(this.clientKey)) {
			OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(this.clientKeys, "medclaims-test", null, out);
		}
		start();
	}

	synchronized void start() throws IOException {
		this.server = SshServer.setUpDefaultServer();
		this.server.setHost("127.0.0.1");
		this.server.setPort(this.port);
		this.server.setKeyPairProvider(KeyPairProvider.wrap(this.hostKey));
		this.server.setPublickeyAuthenticator((user, key, session) -> "medclaims".equals(user)
				&& KeyUtils.compareKeys(key, this.clientKeys.getPublic()));
		this.server.setPasswordAuthenticator((user, password, session) -> {
			this.passwordsOffered.incrementAndGet();
			return this.password != null && "medclaims".equals(user) && this.password.equals(password);
		});
		this.server.setKeyboardInteractiveAuthenticator(null);
		SftpSubsystemFactory sftp = new SftpSubsystemFactory();
		sftp.addSftpEventListener(new Faults());
		this.server.setSubsystemFactories(List.of(sftp));
		this.server.setFileSystemFactory(new VirtualFileSystemFactory(this.root));
		this.server.start();
		this.port = this.server.getPort();
	}

	synchronized void stop() throws IOException {
		this.server.stop(true);
	}

	int port() {
		return this.port;
	}

	/**
	 * The known_hosts line for this server, as {@code ssh-keyscan -p PORT 127.0.0.1}
	 * prints it.
	 */
	String knownHostsLine() {
		return knownHostsLine(this.hostKey.getPublic());
	}

	String knownHostsLine(PublicKey key) {
		return "[127.0.0.1]:" + this.port + " " + PublicKeyEntry.toString(key);
	}

	/** A folder or file under the server's root, e.g. {@code hospitals/H1/inbox}. */
	Path path(String relative) {
		return this.root.resolve(relative);
	}

	int readsOf(String name) {
		return this.reads.entrySet()
			.stream()
			.filter(e -> e.getKey().endsWith("/" + name))
			.mapToInt(e -> e.getValue().get())
			.sum();
	}

	static KeyPair ed25519() {
		try {
			return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final class Faults implements SftpEventListener {

		@Override
		public void opening(ServerSession session, String remoteHandle, Handle local) throws IOException {
			String path = local.getFile().toString();
			if (local instanceof FileHandle file) {
				boolean writing = file.getOpenOptions().contains(java.nio.file.StandardOpenOption.WRITE);
				if (writing && EmbeddedSftpServer.this.denyWriting.test(path)) {
					throw new AccessDeniedException(path);
				}
				if (!writing) {
					EmbeddedSftpServer.this.reads.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
				}
			}
			if (local instanceof DirectoryHandle && EmbeddedSftpServer.this.denyListing.test(path)) {
				throw new AccessDeniedException(path);
			}
		}

		@Override
		public void reading(ServerSession session, String remoteHandle, FileHandle local, long offset, byte[] data,
				int dataOffset, int dataLen) throws IOException {
			if (offset > 0 && EmbeddedSftpServer.this.dropWhileReading.test(local.getFile().toString())) {
				session.close(true);
				throw new IOException("connection dropped by the test");
			}
		}

	}

}
