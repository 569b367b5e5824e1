package io.kensa.db.update;

import io.kensa.db.signing.DatabaseSignature;
import io.kensa.db.artifact.ArtifactFormat;
import io.kensa.image.registry.ClientSettings;
import io.kensa.image.registry.UrlFetcher;

import java.io.InputStream;
import java.net.URI;

/**
 * A database published on a web server ({@code --url URL}): the compressed database at URL and its signature at
 * URL{@value ArtifactFormat#SIGNATURE_SUFFIX} (the two files {@code kensa db push --output-dir} writes). A missing
 * signature (HTTP 404) is "no signature"; any other failure is an error.
 */
public final class UrlArtifactSource implements ArtifactSource {
    private final URI database;
    private final URI signature;
    private final UrlFetcher fetcher;

    public UrlArtifactSource(String url, ClientSettings settings) {
        this.database = UrlFetcher.parse(url, "--url");
        String raw = database.getRawPath() == null ? "" : database.getRawPath();
        this.signature = URI.create(database.getScheme() + "://" + database.getRawAuthority() + raw
                + ArtifactFormat.SIGNATURE_SUFFIX + (database.getRawQuery() == null ? "" : "?" + database.getRawQuery()));
        this.fetcher = new UrlFetcher(settings);
    }

    @Override
    public String name() {
        return database.toString();
    }

    @Override
    public byte[] signature() {
        return fetcher.readIfExists(signature, signature.toString(), DatabaseSignature.MAX_BYTES);
    }

    @Override
    public InputStream openDatabase(UpdateLimits limits) {
        String what = database.toString();
        InputStream in = fetcher.open(database, what, limits.maxCompressedBytes());
        return new VerifyingStream(in, what, limits.maxCompressedBytes(), " (the compressed size limit)", null, -1,
                e -> fetcher.failure(e, database, what));
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
