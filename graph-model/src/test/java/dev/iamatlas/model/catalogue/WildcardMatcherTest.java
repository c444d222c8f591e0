package dev.iamatlas.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardMatcherTest {

    @ParameterizedTest(name = "\"{0}\" against \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            "getobject      | getobject         | true",
            "getobject      | getobjects        | false",
            "get*           | getobject         | true",
            "get*           | get               | true",
            "*object        | getobject         | true",
            "*object        | getobjectacl      | false",
            "*object*       | getobjectacl      | true",
            "get*tagging    | getbuckettagging  | true",
            "get*tagging    | getbucket         | false",
            "get?bject      | getobject         | true",
            "get?bject      | getbject          | false",
            "?              | a                 | true",
            "?              | ab                | false",
            "*              | anything          | true",
            "**             | anything          | true",
            "a*b*c          | axxbyyc           | true",
            "a*b*c          | axxbyy            | false",
            "a*a*a*a*b      | aaaaaaaaaaaaaaaa  | false",
            "*?             | a                 | true",
            "*?             | ''                | false",
    })
    void matchesLikeIamActionWildcards(String pattern, String text, boolean expected) {
        assertThat(WildcardMatcher.matches(pattern, text)).isEqualTo(expected);
    }
}
