import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load harness for the ad-hoc API: N clients, each with its own keep-alive connection, sending the
 * README's claim (a fresh claim number each time) with HTTP Basic on every request, as curl does.
 *
 *   java bench/api/Load.java <baseUrl> <path> <user:password> <clients> <requestsPerSecond> <seconds> <claimFile> [warmupSeconds]
 *
 * requestsPerSecond 0: closed loop, each client sends its next request when the answer came (what wrk
 * does: the latency then measures the queue at saturation). Otherwise the clients together send that
 * many requests per second on a fixed schedule, and each latency is taken from the moment its request
 * was due, not when it could be sent, so a server that falls behind is not flattered (no coordinated
 * omission). The first warmupSeconds (default 5) are sent but not counted. Prints requests, statuses,
 * errors and the latency percentiles in ms.
 */
public class Load {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String path = args[1];
		String auth = "Basic " + Base64.getEncoder().encodeToString(args[2].getBytes(StandardCharsets.UTF_8));
		int clients = Integer.parseInt(args[3]);
		double rate = Double.parseDouble(args[4]);
		long seconds = Long.parseLong(args[5]);
		String template = Files.readString(Path.of(args[6]));
		String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
		long warmup = Duration.ofSeconds(args.length > 7 ? Long.parseLong(args[7]) : 5).toNanos();

		long start = System.nanoTime();
		long measured = start + warmup;
		long end = measured + Duration.ofSeconds(seconds).toNanos();
		List<long[]> latencies = new ArrayList<>();
		Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
		AtomicLong errors = new AtomicLong();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			long[] mine = new long[200_000];
			latencies.add(mine);
			Thread thread = new Thread(() -> {
				HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
				// spread the clients over one interval so they do not all fire together
				long due = start + (interval * client) / clients;
				int sentCount = 0;
				int recorded = 0;
				try {
					while (true) {
						if (interval > 0) {
							long wait = due - System.nanoTime();
							if (wait > 0) {
								Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
							}
						}
						long sent = interval > 0 ? due : System.nanoTime();
						if (sent >= end) {
							break;
						}
						String body = template.replace("%s", "L" + run + "-" + client + "-" + sentCount++);
						HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
							.header("Content-Type", "application/json")
							.header("Authorization", auth)
							.timeout(Duration.ofSeconds(30))
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build();
						boolean counted = sent >= measured;
						try {
							HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
							if (counted) {
								statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
							}
							if (counted && response.statusCode() >= 300) {
								errors.incrementAndGet();
							}
						}
						catch (java.io.IOException ex) {
							if (counted) {
								errors.incrementAndGet();
							}
						}
						if (counted) {
							mine[++recorded] = System.nanoTime() - sent;
						}
						due += interval;
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				mine[0] = recorded;
				done.countDown();
			});
			thread.start();
		}
		done.await();
		double elapsed = (System.nanoTime() - measured) / 1e9;
		long count = latencies.stream().mapToLong(l -> l[0]).sum();
		long[] all = new long[(int) count];
		int i = 0;
		for (long[] l : latencies) {
			System.arraycopy(l, 1, all, i, (int) l[0]);
			i += (int) l[0];
		}
		Arrays.sort(all);
		System.out.printf("requests %d%nrate %.1f%n", count, count / elapsed);
		new TreeMap<>(statuses).forEach((status, n) -> System.out.printf("status %d: %d%n", status, n.get()));
		System.out.printf("errors %d%n", errors.get());
		for (int p : new int[] { 50, 90, 99 }) {
			System.out.printf("p%d_ms %.2f%n", p, all.length == 0 ? 0 : all[(int) Math.min(all.length - 1, all.length * p / 100)] / 1e6);
		}
		System.out.printf("max_ms %.2f%n", all.length == 0 ? 0 : all[all.length - 1] / 1e6);
	}

}
