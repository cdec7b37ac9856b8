package dev.ticketingwarrior.booking.config;

import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Amazon Corretto Crypto Provider (ACCP, native AWS-LC) as the JVM's first security provider, when it loads, so ES256
 * verifications run natively (why: docs/decisions/0007). ACCP is optional: booking packages its linux-x86_64 build; on
 * any other platform, when it is missing from the class path, or when it fails its own self-tests, nothing is
 * installed and the JDK's providers work as before.
 */
final class NativeCrypto {

    static final String PROVIDER_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static final Logger log = LoggerFactory.getLogger(NativeCrypto.class);

    private NativeCrypto() {}

    /** Installs ACCP as the most preferred provider if it loads here; the installed provider, if any. */
    static synchronized Optional<Provider> install() {
        Optional<Provider> accp = load();
        if (accp.isEmpty()) {
            return Optional.empty();
        }
        Provider provider = accp.get();
        if (Security.getProvider(provider.getName()) == null) {
            Security.insertProviderAt(provider, 1);
            log.info("using {} for cryptography (ES256 token checks)", provider.getInfo());
        }
        return accp;
    }

    private static Optional<Provider> load() {
        try {
            Class<?> type = Class.forName(PROVIDER_CLASS);
            Provider provider = (Provider) type.getField("INSTANCE").get(null);
            Object error = type.getMethod("getLoadingError").invoke(provider);
            if (error != null) {
                log.info("native crypto provider not usable here ({}): the JDK's providers verify tokens", error);
                return Optional.empty();
            }
            return Optional.of(provider);
        } catch (ClassNotFoundException e) {
            log.info("no native crypto provider on the class path: the JDK's providers verify tokens");
            return Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.info("native crypto provider not usable here ({}): the JDK's providers verify tokens", e.toString());
            return Optional.empty();
        }
    }
}
