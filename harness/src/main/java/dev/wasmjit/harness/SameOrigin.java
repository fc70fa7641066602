package dev.wasmjit.harness;

import com.sun.net.httpserver.HttpExchange;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Whether a request to the server's API comes from its own page, checked by the names a
 * request gives for the server: {@code Host} must name this server's own address, and an
 * {@code Origin}, when the client sends one (browsers do for every POST), must be this server
 * over http. A page of any other site the user visits can reach a server on the user's
 * machine; this stops it driving the interpreters: its requests carry its own origin, and one
 * that renames itself through DNS (rebinding) carries a host name that is not an address.
 *
 * <p>The names accepted: the address the server listens on with its port ({@code
 * 127.0.0.1:8080}, {@code [::1]:8080}), and {@code localhost} with the port when that address
 * is a loopback one. A server listening on every address ({@code --bind 0.0.0.0}) accepts any
 * address literal with its port, since it cannot know under which address it was reached, but
 * still no host name other than {@code localhost}.
 */
final class SameOrigin {

    /** A refused request: the server answers 403 with this message. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final InetAddress address;
    private final int port;

    SameOrigin(InetSocketAddress listening) {
        this.address = listening.getAddress();
        this.port = listening.getPort();
    }

    /**
     * Checks a request's {@code Host} and {@code Origin}.
     *
     * @throws Refused if either names another server
     */
    void check(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !isThisServer(host)) {
            throw new Refused("refused: the Host header must name this server (" + ownName() + "), was "
                    + (host == null ? "none" : host));
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !(origin.regionMatches(true, 0, "http://", 0, 7) && isThisServer(origin.substring(7)))) {
            throw new Refused("refused: a request from the page of another site (Origin: " + origin + ")");
        }
    }

    private String ownName() {
        String ip = address.getHostAddress();
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }

    /** Whether {@code name}, {@code host:port} as a Host header or an origin gives it, is this server. */
    private boolean isThisServer(String name) {
        int colon = name.lastIndexOf(':');
        if (colon < 0 || name.endsWith("]")) {
            return false; // a browser always sends the port of a server on a port other than 80
        }
        if (!name.substring(colon + 1).equals(Integer.toString(port))) {
            return false;
        }
        String host = name.substring(0, colon).toLowerCase(Locale.ROOT);
        if (host.equals("localhost")) {
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            return false;
        }
        if (!isAddressLiteral(host)) {
            return false;
        }
        try {
            InetAddress named = InetAddress.getByName(host); // a literal: no name is looked up
            return address.isAnyLocalAddress() || named.equals(address);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean isAddressLiteral(String host) {
        return host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (host.contains(":") && host.matches("[0-9a-f:.%]+"));
    }
}
