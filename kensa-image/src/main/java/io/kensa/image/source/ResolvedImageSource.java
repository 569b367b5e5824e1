package io.kensa.image.source;

import io.kensa.image.oci.ImageConfig;

import java.util.List;

/** What every source knows once it has resolved its image: the name, the verified config and the layers. */
abstract class ResolvedImageSource implements ImageSource {
    private final String name;
    private final ImageConfig config;
    private final List<LayerRef> layers;
    private final List<String> repoDigests;

    ResolvedImageSource(String name, ImageConfig config, List<LayerRef> layers, List<String> repoDigests) {
        this.name = name;
        this.config = config;
        this.layers = List.copyOf(layers);
        this.repoDigests = List.copyOf(repoDigests);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ImageConfig config() {
        return config;
    }

    @Override
    public final List<String> repoDigests() {
        return repoDigests;
    }

    @Override
    public final List<LayerRef> layers() {
        return layers;
    }
}
