package dev.ticketingwarrior.booking.config;

import org.springframework.context.annotation.Configuration;

/**
 * Installs the native crypto provider ({@link NativeCrypto}) at start-up unless {@code ticketing.token.native-crypto}
 * is false. Providers are looked up per verification, so tokens verified later use it whatever the bean order.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    CryptoConfiguration(BookingProperties properties) {
        if (properties.token().nativeCrypto()) {
            NativeCrypto.install();
        }
    }
}
