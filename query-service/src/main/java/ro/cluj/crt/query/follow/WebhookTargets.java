package ro.cluj.crt.query.follow;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which addresses a webhook may be aimed at: http or https, no credentials in the address, and a host none of whose
 * addresses is link-local (169.254.0.0/16, fe80::/10, where cloud metadata services answer), unspecified, multicast
 * or broadcast. Loopback and private networks (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) are refused too
 * unless {@code crt.follow.webhooks.allow-private-networks} is set. Checked at registration and again before every
 * attempt, since a name may come to point elsewhere.
 */
@Component
class WebhookTargets {

    static final int MAX_LENGTH = 2000;
    /** Metadata services outside the link-local range (AWS over IPv6, Alibaba Cloud): refused like link-local. */
    private static final Set<InetAddress> METADATA = Set.of(literal("fd00:ec2::254"), literal("100.100.100.200"));

    private final boolean allowPrivateNetworks;

    WebhookTargets(WebhookSettings settings) {
        this.allowPrivateNetworks = settings.allowPrivateNetworks();
    }

    /** Why the address may not be used, or empty when it may. */
    Optional<String> problem(String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must name a host, without user name, password or fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host cannot be resolved");
        }
        for (InetAddress resolved : addresses) {
            Optional<String> refused = refused(resolved);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private Optional<String> refused(InetAddress address) {
        if (METADATA.contains(address) || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress() || isReservedIpv4(address)) {
            return Optional.of("must not point at a link-local, unspecified, multicast or reserved address");
        }
        if (!allowPrivateNetworks && (address.isLoopbackAddress() || address.isSiteLocalAddress()
                || isSharedOrUniqueLocal(address))) {
            return Optional.of("must not point at this machine or a private network");
        }
        return Optional.empty();
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address literal: " + address, e);
        }
    }

    /** 0.0.0.0/8 and 255.255.255.255. */
    private static boolean isReservedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address
                && (bytes[0] == 0 || (bytes[0] & bytes[1] & bytes[2] & bytes[3]) == (byte) 0xff);
    }

    /** 100.64.0.0/10 (carrier-grade NAT) and fc00::/7 (unique local, where IPv6 metadata services answer). */
    private static boolean isSharedOrUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        }
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    }
}
