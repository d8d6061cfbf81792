package org.rootposture.allure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A proxy that refuses everything and remembers what was asked: a browser pointed at it (with loopback included)
 * cannot reach any host, and every request a page makes shows up in {@link #pageRequests()}. Chromium's own
 * services (component updates, account checks, network time) ask too, whatever the page; they are refused as well
 * but are not the page's doing, so {@link #pageRequests()} leaves out exactly those hosts.
 */
final class OutsideRequestTrap implements AutoCloseable {

    static final Set<String> BROWSER_SERVICES = Set.of("update.googleapis.com", "accounts.google.com", "clients2.google.com");

    private final ServerSocket server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    OutsideRequestTrap() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "outside-request-trap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The proxy server argument for Chromium. */
    String proxy() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The request lines received so far, such as {@code CONNECT outside.example:443 HTTP/1.1}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** The requests not made by Chromium's own services. */
    List<String> pageRequests() {
        return requests.stream().filter(request -> !BROWSER_SERVICES.contains(host(request))).toList();
    }

    static String host(String requestLine) {
        String[] parts = requestLine.split(" ");
        String target = parts.length > 1 ? parts[1] : requestLine;
        String authority = target.replaceFirst("^[a-z]+://", "").replaceFirst("[/?#].*$", "");
        return authority.replaceFirst(":\\d+$", "");
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                String line = in.readLine();
                if (line != null && !line.isEmpty()) {
                    requests.add(line);
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
