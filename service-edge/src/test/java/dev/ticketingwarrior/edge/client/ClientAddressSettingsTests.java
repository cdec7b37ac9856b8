package dev.ticketingwarrior.edge.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.validation.annotation.Validated;

/** The client-address knobs as a service's properties record binds them, the header name checked at start-up. */
class ClientAddressSettingsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class)
            .withPropertyValues("test.clients.trusted-proxies=10.0.0.0/8");

    @Test
    void aCdnsHeaderIsBelievedFromATrustedProxyOnly() {
        runner.withPropertyValues("test.clients.viewer-address-header=CloudFront-Viewer-Address")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ClientAddressResolver clients =
                            context.getBean(Settings.class).clientAddressResolver();
                    HttpHeaders headers = new HttpHeaders();
                    headers.add("CloudFront-Viewer-Address", "198.51.100.7:41234");

                    assertThat(clients.resolve(new InetSocketAddress("10.0.1.15", 40000), headers))
                            .isEqualTo("198.51.100.7");
                    assertThat(clients.resolve(new InetSocketAddress("203.0.113.9", 40000), headers))
                            .isEqualTo("203.0.113.9");
                });
    }

    @Test
    void anEmptyHeaderNameMeansNoCdn() {
        runner.withPropertyValues("test.clients.viewer-address-header=").run(context -> {
            assertThat(context).hasNotFailed();
            HttpHeaders headers = new HttpHeaders();
            headers.add("CloudFront-Viewer-Address", "198.51.100.7:41234");
            headers.add("X-Forwarded-For", "198.51.100.9");

            assertThat(context.getBean(Settings.class)
                            .clientAddressResolver()
                            .resolve(new InetSocketAddress("10.0.1.15", 40000), headers))
                    .isEqualTo("198.51.100.9");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"CloudFront Viewer Address", "Viewer-Address:", "Zuschauer-Adresse-\u00e4", "a\"b"})
    void whatIsNoHeaderNameStopsStartUp(String name) {
        runner.withPropertyValues("test.clients.viewer-address-header=" + name).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("viewerAddressHeader")
                    .hasMessageContaining("must be an HTTP header name or empty");
        });
    }

    @Test
    void anIpv6ClientIsItsSlash64UnlessConfiguredWider() {
        HttpHeaders none = new HttpHeaders();
        InetSocketAddress player = new InetSocketAddress("2001:db8:7:11a::5", 40000);
        ApplicationContextRunner runner = this.runner.withPropertyValues("test.clients.viewer-address-header=");
        runner.run(context -> assertThat(
                        context.getBean(Settings.class).clientAddressResolver().resolve(player, none))
                .isEqualTo("2001:db8:7:11a:0:0:0:0/64"));
        runner.withPropertyValues("test.clients.ipv6-prefix=48")
                .run(context -> assertThat(context.getBean(Settings.class)
                                .clientAddressResolver()
                                .resolve(player, none))
                        .isEqualTo("2001:db8:7:0:0:0:0:0/48"));
        runner.withPropertyValues("test.clients.ipv6-prefix=6").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("ipv6Prefix");
        });
    }

    @Validated
    @ConfigurationProperties("test.clients")
    record Settings(
            @NotNull List<String> trustedProxies,
            @NotNull @HeaderNameOrEmpty String viewerAddressHeader,
            @Min(32) @Max(128) @DefaultValue("64") int ipv6Prefix)
            implements ClientAddressSettings {}

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(Settings.class)
    static class Bound {}
}
