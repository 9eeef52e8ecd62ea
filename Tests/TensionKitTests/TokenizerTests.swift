import Testing
@testable import TensionKit

@Suite struct TokenizerTests {
    @Test(arguments: [
        ("Seoul warns Moscow", ["seoul", "warns", "moscow"]),
        ("A U.S. envoy, 3 p.m.", ["envoy"]),
        ("don't cross the line", ["don", "cross", "the", "line"]),
        ("North Korea's 2024 tests", ["north", "korea", "2024", "tests"]),
        ("snake_case and CamelCase", ["snake_case", "and", "camelcase"]),
        ("“Quoted” — dashes…", ["quoted", "dashes"]),
        ("Ärger über Ölpreise", ["ärger", "über", "ölpreise"]),
        ("北京 와 서울", ["北京", "서울"]),
        ("café vs cafe\u{301}", ["café", "vs", "café"]),
        ("x y z", []),
        ("", []),
        ("MiXeD CASE", ["mixed", "case"]),
    ])
    func tokens(_ input: String, _ expected: [String]) {
        #expect(Tokenizer().tokens(input) == expected)
    }

    @Test func foldingKeepsTokensAndFoldsQuotes() {
        #expect(TextNormalizer.fold("“No” — it’s\u{00A0}over") == "\"No\" - it's over")
        #expect(Tokenizer().tokens(TextNormalizer.fold("it’s")) == Tokenizer().tokens("it's"))
    }
}
