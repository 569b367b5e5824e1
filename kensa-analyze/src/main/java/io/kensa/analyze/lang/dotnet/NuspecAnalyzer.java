package io.kensa.analyze.lang.dotnet;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;
import io.kensa.core.Package;

import java.io.IOException;
import java.util.List;

/**
 * Packages in a NuGet package folder: the global packages folder ({@code ~/.nuget/packages/}, where
 * {@code dotnet restore} extracts every package an image's build used) and the SDK's offline
 * {@code NuGetFallbackFolder/}. Each package is {@code <root>/<id>/<version>/<id>.nuspec} (lower-case); the
 * nuspec names it, read by {@link NuspecReader}.
 */
public final class NuspecAnalyzer implements Analyzer {
    public static final String ID = "nuspec";
    private static final String[] ROOTS = {".nuget/packages/", "NuGetFallbackFolder/"};
    /** Largest nuspec read (they are a few kB). */
    static final long MAX_BYTES = 4L << 20;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean wants(String path) {
        return path.endsWith(".nuspec") && inPackageFolder(path);
    }

    /** {@code …<root>/<id>/<version>/<id>.nuspec}. */
    static boolean inPackageFolder(String path) {
        for (String root : ROOTS) {
            int at = path.lastIndexOf(root);
            if (at < 0 || (at > 0 && path.charAt(at - 1) != '/')) {
                continue;
            }
            String rest = path.substring(at + root.length());
            int first = rest.indexOf('/');
            int second = first < 0 ? -1 : rest.indexOf('/', first + 1);
            if (first > 0 && second > first + 1 && rest.indexOf('/', second + 1) < 0
                    && rest.substring(second + 1).equalsIgnoreCase(rest.substring(0, first) + ".nuspec")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public FileResult analyze(FileEntry entry) throws IOException {
        if (entry.size() > MAX_BYTES) {
            return FileResult.of(ID, entry.path(), List.of(),
                    List.of("nuspec skipped: " + entry.size() + " bytes is over the " + MAX_BYTES + "-byte limit"));
        }
        try {
            NuspecReader.Nuspec nuspec = NuspecReader.read(entry.readAllBytes(MAX_BYTES));
            Package p = Package.application("nuget", nuspec.id(), nuspec.version(), nuspec.licenses(), entry.path(),
                    "nuspec");
            return FileResult.ofPackages(ID, entry.path(), List.of(p));
        } catch (NuspecReader.MalformedNuspecException e) {
            return FileResult.of(ID, entry.path(), List.of(), List.of(e.getMessage()));
        }
    }
}
