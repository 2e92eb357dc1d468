import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for bench/sandbox-load.sh (run as a single-file program): creates and starts a task on the sandbox at
 * 127.0.0.1:PORT, then polls get_task_status from THREADS keep-alive clients for SECONDS and prints requests/s.
 * Usage: java bench/SandboxLoad.java PORT SECONDS THREADS
 */
public class SandboxLoad {
    static final String AUTH = "{\"bk_app_code\":\"bkops-sandbox\",\"bk_app_secret\":\"sandbox-secret-0000\",\"bk_username\":\"admin\"}";

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        String base = "http://127.0.0.1:" + port + "/api/bk-sops/prod";
        HttpClient setup = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String created = send(setup, HttpRequest.newBuilder(URI.create(base + "/create_task/1/2/"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load\"}")));
        Matcher m = Pattern.compile("\"task_id\":(\\d+)").matcher(created);
        if (!m.find()) throw new IllegalStateException("create_task failed: " + created);
        String taskId = m.group(1);
        send(setup, HttpRequest.newBuilder(URI.create(base + "/start_task/" + taskId + "/2/")).POST(HttpRequest.BodyPublishers.ofString("{}")));
        URI status = URI.create(base + "/get_task_status/" + taskId + "/2/");

        AtomicBoolean stop = new AtomicBoolean();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long[] counts = new long[threads];
        long[] errors = new long[threads];
        for (int i = 0; i < threads; i++) {
            int me = i;
            long[] lat = new long[2_000_000];
            latencies.add(lat);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Thread t = new Thread(() -> {
                HttpRequest req = HttpRequest.newBuilder(status).header("X-Bkapi-Authorization", AUTH).GET().build();
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || !r.body().contains("\"result\":true")) errors[me]++;
                    } catch (Exception e) {
                        errors[me]++;
                    }
                    if (counts[me] < lat.length) lat[(int) counts[me]] = System.nanoTime() - t0;
                    counts[me]++;
                }
            });
            workers.add(t);
        }
        Thread.sleep(0);
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        stop.set(true);
        for (Thread t : workers) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = Arrays.stream(counts).sum();
        long failed = Arrays.stream(errors).sum();
        long[] all = new long[(int) Math.min(total, (long) threads * 2_000_000)];
        int k = 0;
        for (int i = 0; i < threads; i++) {
            long n = Math.min(counts[i], latencies.get(i).length);
            System.arraycopy(latencies.get(i), 0, all, k, (int) n);
            k += (int) n;
        }
        Arrays.sort(all, 0, k);
        System.out.printf("get_task_status: %d requests in %.1f s with %d threads: %.0f requests/s, %d errors, "
                        + "latency p50 %.2f ms, p99 %.2f ms%n", total, elapsed, threads, total / elapsed, failed,
                all[k / 2] / 1e6, all[(int) (k * 0.99)] / 1e6);
    }

    private static String send(HttpClient c, HttpRequest.Builder b) throws Exception {
        return c.send(b.header("X-Bkapi-Authorization", AUTH).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
