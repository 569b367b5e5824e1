package io.kensa.analyze.secret;

import java.util.Set;

/**
 * Credentials that vendors publish in their documentation, and the shapes of filler values
 * ({@code XXXXXXXXXXXX}): they are reported as examples at LOW severity, not as leaks.
 */
final class ExampleSecrets {
    /** Published sample credentials, verbatim. */
    private static final Set<String> PUBLISHED = Set.of(
            // AWS documentation (IAM user guide, CLI configuration)
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            // Stripe API reference sample keys
            "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "pk_test_TYooMQauvdEDq54NiTphI7jx",
            "pk_test_6pRNASCoBOKtIshFeQd4XMUh",
            // Azurite / Azure Storage Emulator well-known account key (devstoreaccount1)
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            // jwt.io's default token (HS256, "your-256-bit-secret")
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");

    private static final int FILLER_RUN = 8;
    /** Longer values are key material (a PEM body has runs of {@code A} from its zero bytes), never filler. */
    private static final int MAX_FILLER_LENGTH = 128;

    private ExampleSecrets() {
    }

    /** Whether {@code secret} is a published sample or an obvious filler. */
    static boolean isExample(String secret) {
        if (PUBLISHED.contains(secret)) {
            return true;
        }
        if (Ascii.lower(secret).contains("example")) {
            return true;
        }
        return secret.length() <= MAX_FILLER_LENGTH && hasRun(secret);
    }

    /** Eight or more times the same character in a row: {@code T00000000}, {@code XXXXXXXXXXXXXXXXXXXXXXXX}. */
    private static boolean hasRun(String s) {
        int run = 1;
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == s.charAt(i - 1) && Ascii.isAlnum(s.charAt(i))) {
                if (++run >= FILLER_RUN) {
                    return true;
                }
            } else {
                run = 1;
            }
        }
        return false;
    }
}
