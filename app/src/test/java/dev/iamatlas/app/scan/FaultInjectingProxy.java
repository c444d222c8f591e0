package dev.iamatlas.app.scan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits between the scanner and an endpoint and spoils some answers on purpose: every {@code n}-th request gets,
 * in turn, the throttling answer of its protocol (HTTP 400 {@code Throttling} XML for query services, 400
 * {@code TooManyRequestsException} for JSON 1.1, 429 {@code TooManyRequestsException} for REST-JSON), a 500, a 503
 * and a 502. Everything else is passed through unchanged. A scan through it must lose nothing.
 */
final class FaultInjectingProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final int every;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();

    FaultInjectingProxy(URI target, int every) throws IOException {
        this.target = target;
        this.every = every;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int injected() {
        return injected.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int n = requests.incrementAndGet();
            if (n % every == 0) {
                injected.incrementAndGet();
                fault(exchange, (n / every) % 4);
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            send(exchange, answer.statusCode(), answer.body());
        }
    }

    private static void fault(HttpExchange exchange, int kind) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        boolean query = "POST".equals(exchange.getRequestMethod()) && target == null;
        switch (kind) {
            case 0 -> {
                if (target != null) {
                    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                    send(exchange, 400, "{\"__type\":\"TooManyRequestsException\",\"message\":\"Rate exceeded\"}");
                } else if (query) {
                    exchange.getResponseHeaders().add("Content-Type", "text/xml");
                    send(exchange, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                            + "<Message>Rate exceeded</Message></Error><RequestId>x</RequestId></ErrorResponse>");
                } else {
                    exchange.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    send(exchange, 429, "{\"message\":\"Rate exceeded\"}");
                }
            }
            case 1 -> send(exchange, 500, "Internal Server Error");
            case 2 -> send(exchange, 503, "Service Unavailable");
            default -> send(exchange, 502, "Bad Gateway");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
