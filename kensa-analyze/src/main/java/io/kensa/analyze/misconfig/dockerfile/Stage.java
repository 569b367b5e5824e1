package io.kensa.analyze.misconfig.dockerfile;

import java.util.List;

/**
 * One build stage: a {@code FROM} and the instructions up to the next one.
 *
 * @param index        0-based position in the file
 * @param baseImage    the image or earlier stage it builds on, variables expanded
 * @param name         the name given with {@code AS}, lower case, null when none
 * @param parent       the index of the earlier stage {@code baseImage} names, or -1 for an image
 * @param from         the {@code FROM} instruction
 * @param instructions the instructions after {@code FROM}
 */
public record Stage(int index, String baseImage, String name, int parent, Instruction from,
                   List<Instruction> instructions) {
    public Stage {
        instructions = List.copyOf(instructions);
    }
}
