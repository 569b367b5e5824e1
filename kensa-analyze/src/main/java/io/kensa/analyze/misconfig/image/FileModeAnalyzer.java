package io.kensa.analyze.misconfig.image;

import io.kensa.analyze.Analyzer;
import io.kensa.analyze.FileEntry;
import io.kensa.analyze.FileResult;

import java.util.Map;
import java.util.Set;

/**
 * Records the permission bits of files with the setuid or setgid bit (CIS-DI-0008), from the layer's tar headers
 * alone: no content is read. It also records the modes of the programs that are usually setuid ({@code su},
 * {@code passwd}, {@code mount} …) whatever their mode, so that a later layer which clears the bits
 * ({@code RUN chmod u-s /bin/su}, the usual fix) replaces the setuid entry in the merged view instead of leaving it
 * standing: the inventory only tracks the files some analyzer wants.
 */
public final class FileModeAnalyzer implements Analyzer {
    public static final String ID = "file-mode";
    /** The property holding the permission bits, four octal digits ({@code 4755}). */
    public static final String MODE = "mode";

    static final int SETUID = 04000;
    static final int SETGID = 02000;

    /** File names of programs that distributions ship setuid or setgid. */
    static final NameSet USUALLY_SETID = NameSet.of(Set.of("su", "sudo", "sudoedit", "doas", "passwd", "chsh", "chfn",
            "newgrp", "gpasswd", "expiry", "chage", "mount", "umount", "ping", "ping6", "pkexec", "unix_chkpwd",
            "ssh-keysign", "ssh-agent", "at", "crontab", "wall", "write", "dotlockfile", "fusermount", "fusermount3",
            "mount.nfs", "mount.cifs", "newuidmap", "newgidmap", "bbsuid", "Xorg.wrap", "polkit-agent-helper-1",
            "dbus-daemon-launch-helper", "traceroute6.iputils", "pam_timestamp_check", "userhelper", "staprun",
            "mlocate", "plocate", "locate", "bsd-write", "utempter", "screen", "procmail", "mail-lock",
            "mail-unlock", "mail-touchlock", "lockfile", "exim4", "sendmail", "postdrop", "postqueue", "uuidd"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public boolean followsLinks() {
        return false;
    }

    @Override
    public boolean wants(String path) {
        return USUALLY_SETID.contains(path, path.lastIndexOf('/') + 1, path.length());
    }

    @Override
    public boolean wants(String path, int mode) {
        return (mode & (SETUID | SETGID)) != 0 || wants(path);
    }

    @Override
    public FileResult analyze(FileEntry entry) {
        return FileResult.ofProperties(ID, entry.path(), Map.of(MODE, octal(entry.mode())));
    }

    /** The permission bits as four octal digits. */
    static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }
}
