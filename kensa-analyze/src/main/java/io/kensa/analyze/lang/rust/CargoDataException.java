package io.kensa.analyze.lang.rust;

/** Cargo dependency data that cannot be read (bad zlib stream, malformed JSON or TOML, over a limit). */
final class CargoDataException extends Exception {
    CargoDataException(String message) {
        super(message);
    }
}
