package io.kensa.analyze.misconfig.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed Dockerfile.
 *
 * @param directives the parser directives at its top ({@code syntax}, {@code escape}, {@code check}), keys in lower
 *                   case
 * @param globalArgs the {@code ARG} instructions before the first {@code FROM}
 * @param stages     the build stages in order; the last one is the image
 */
public record Dockerfile(Map<String, String> directives, List<Instruction> globalArgs, List<Stage> stages) {
    public Dockerfile {
        directives = Map.copyOf(directives);
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
    }

    /** The last stage and the earlier stages it builds on, nearest first: what makes up the final image. */
    public List<Stage> finalChain() {
        List<Stage> chain = new ArrayList<>();
        Stage s = stages.getLast();
        while (s != null && chain.size() <= stages.size()) {
            chain.add(s);
            s = s.parent() >= 0 ? stages.get(s.parent()) : null;
        }
        return chain;
    }

    /** Every instruction, global ARGs first, in file order. */
    public List<Instruction> instructions() {
        List<Instruction> all = new ArrayList<>(globalArgs);
        for (Stage s : stages) {
            all.add(s.from());
            all.addAll(s.instructions());
        }
        return all;
    }
}
