package dev.ticketingwarrior.booking.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NativeCryptoTests {

    @AfterEach
    void uninstall() {
        Security.removeProvider("AmazonCorrettoCryptoProvider");
    }

    @Test
    void verifiesEs256WithTheNativeProviderOnLinuxX8664() throws Exception {
        assumeTrue("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch")));
        Optional<Provider> installed = NativeCrypto.install();

        assertThat(installed).isPresent();
        assertThat(Signature.getInstance("SHA256withECDSA").getProvider()).isSameAs(installed.get());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] payload = "header.claims".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA", "SunEC");
        signer.initSign(keys.getPrivate());
        signer.update(payload);
        byte[] signature = signer.sign();

        assertThat(verify(keys, payload, signature)).isTrue();
        assertThat(verify(keys, "header.claimz".getBytes(StandardCharsets.US_ASCII), signature))
                .isFalse();
    }

    @Test
    void installsOnceHoweverOftenCalled() {
        NativeCrypto.install();
        NativeCrypto.install();

        assertThat(java.util.Arrays.stream(Security.getProviders())
                        .filter(p -> p.getName().equals("AmazonCorrettoCryptoProvider"))
                        .count())
                .isLessThanOrEqualTo(1);
    }

    private static boolean verify(KeyPair keys, byte[] payload, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(payload);
        return verifier.verify(signature);
    }
}
