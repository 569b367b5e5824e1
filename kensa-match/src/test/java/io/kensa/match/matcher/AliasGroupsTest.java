package io.kensa.match.matcher;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AliasGroupsTest {

    @Test
    void overlappingIdSetsMergeTransitivelyAndDisjointOnesStayApart() {
        List<Set<String>> items = List.of(
                Set.of("GHSA-1", "CVE-1"),
                Set.of("DSA-9"),
                Set.of("PYSEC-1", "CVE-1"),
                Set.of("GO-1", "PYSEC-1"),
                Set.of("CVE-2"));
        List<AliasGroups.Group<Set<String>>> groups = AliasGroups.group(items, s -> s);
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0).ids()).containsExactlyInAnyOrder("GHSA-1", "CVE-1", "PYSEC-1", "GO-1");
        assertThat(groups.get(0).items()).hasSize(3);
        assertThat(groups.get(1).ids()).containsExactly("DSA-9");
        assertThat(groups.get(2).ids()).containsExactly("CVE-2");
    }

    @Test
    void laterItemsJoiningTwoEarlierGroupsFuseThem() {
        List<Set<String>> items = List.of(Set.of("A"), Set.of("B"), Set.of("A", "B"));
        assertThat(AliasGroups.group(items, s -> s)).singleElement()
                .satisfies(g -> assertThat(g.items()).hasSize(3));
    }
}
