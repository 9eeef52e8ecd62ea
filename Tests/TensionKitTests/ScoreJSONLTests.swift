import Foundation
import Testing
@testable import TensionKit

@Suite struct ScoreJSONLTests {
    static func record(
        _ sentence: String, article: String = "a.txt", date: String? = "2024-06-17", index: Int = 0,
        probabilities: [(String, Double)] = [("warning", 0.7), ("conciliatory", 0.1), ("neutral", 0.2)]
    ) -> ScoredSentence {
        let label = probabilities.max { $0.1 < $1.1 }!.0
        return ScoredSentence(
            article: article, date: date.flatMap { Day(iso: $0) }, index: index, sentence: sentence,
            label: label, probabilities: probabilities.map { (label: $0.0, probability: $0.1) })
    }

    @Test func encodesKeysInFixedOrder() {
        let line = ScoreJSONL.encode(Self.record("The ministry warned of a firm response."))
        #expect(line == #"{"article":"a.txt","date":"2024-06-17","index":0,"sentence":"The ministry warned of a firm response.","label":"warning","probabilities":{"warning":0.7,"conciliatory":0.1,"neutral":0.2}}"#)
        let undated = ScoreJSONL.encode(Self.record("x", date: nil, index: 12))
        #expect(undated.contains(#""date":null,"index":12,"#))
    }

    /// Strings that need escaping, and the escaped form the encoder must write.
    static let escapes: [(String, String)] = [
        ("say \"no\"", #""say \"no\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\ttab\r", #""line\nbreak\ttab\r""#),
        ("bell\u{07}nul\u{00}esc\u{1B}", #""bell\u0007nul\u0000esc\u001b""#),
        ("form\u{0C}back\u{08}", #""form\fback\b""#),
        ("delete\u{7F} stays raw", "\"delete\u{7F} stays raw\""),
        ("emoji 🕊️ and 𝄞 raw", "\"emoji 🕊️ and 𝄞 raw\""),
        ("Seoul 서울, Moscow Москва", "\"Seoul 서울, Moscow Москва\""),
        ("slash / is not escaped", "\"slash / is not escaped\""),
    ]

    @Test(arguments: escapes)
    func escapesStrings(_ text: String, _ expected: String) throws {
        #expect(ScoreJSONL.quoted(text) == expected)
        // Foundation's parser agrees with the escaping.
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(expected)]".utf8)) as? [String]
        #expect(parsed == [text])
        // And our own decoder reads it back.
        let back = try ScoreJSONL.decode(ScoreJSONL.encode(Self.record(text)))
        #expect(back.first?.sentence == text)
    }

    @Test func roundTripsExactly() throws {
        let records = [
            Self.record("First, with \"quotes\" and \\ and a tab\t.", index: 0),
            Self.record("Second 🕊️ line\nwith a break.", article: "dir/b c.txt", date: nil, index: 1),
            Self.record("Tiny", index: 2, probabilities: [("warning", 1e-05), ("conciliatory", 0.33333333333333331), ("neutral", 0.6666566666666667)]),
            Self.record("Whole", date: "2024-02-29", index: 3, probabilities: [("neutral", 1), ("warning", 0), ("conciliatory", 0)]),
            Self.record("", index: 4, probabilities: [("b", 0.5), ("a", 0.5)]),
        ]
        let text = ScoreJSONL.encode(records)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == records.count + 1)
        let back = try ScoreJSONL.decode(text)
        #expect(back == records)
        // Label order is the model's, not alphabetical.
        #expect(back[4].probabilities.map(\.label) == ["b", "a"])
        // Deterministic: encoding twice gives the same bytes.
        #expect(ScoreJSONL.encode(back) == text)
        // Every line is JSON that Foundation can read.
        for line in text.split(separator: "\n") {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    @Test func acceptsByteOrderMarkCRLFBlankLinesAndUnknownKeys() throws {
        let line = #"{"extra":[1,{"x":null}],"article":"a","date":null,"index":0,"sentence":"s\u00e9 \ud83d\udd4a","label":"n","probabilities":{"n":1.0}}"#
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(("\n" + line + "\r\n   \r\n" + line).utf8)
        let back = try ScoreJSONL.decode(bytes, file: "-")
        #expect(back.count == 2)
        #expect(back[0].sentence == "sé 🕊")
        #expect(back[0].date == nil)
    }

    /// Bad lines and a fragment of the message that must name the problem.
    static let badLines: [(String, String)] = [
        ("not json", "not JSON"),
        (#"{"article":"a","date":null"#, "not JSON"),
        (#"[1,2]"#, "expected a JSON object"),
        (#"{"date":null,"index":0,"sentence":"s","label":"n","probabilities":{"n":1}}"#, #"missing key "article""#),
        (#"{"article":"a","index":0,"sentence":"s","label":"n","probabilities":{"n":1}}"#, #"missing key "date""#),
        (#"{"article":7,"date":null,"index":0,"sentence":"s","label":"n","probabilities":{"n":1}}"#, #""article" must be a string"#),
        (#"{"article":"a","date":"2024-02-30","index":0,"sentence":"s","label":"n","probabilities":{"n":1}}"#, "2024-02-30"),
        (#"{"article":"a","date":"17/06/2024","index":0,"sentence":"s","label":"n","probabilities":{"n":1}}"#, "YYYY-MM-DD"),
        (#"{"article":"a","date":20240617,"index":0,"sentence":"s","label":"n","probabilities":{"n":1}}"#, #""date" must be"#),
        (#"{"article":"a","date":null,"index":1.5,"sentence":"s","label":"n","probabilities":{"n":1}}"#, #""index" must be a whole number"#),
        (#"{"article":"a","date":null,"index":-1,"sentence":"s","label":"n","probabilities":{"n":1}}"#, #""index" must be a whole number"#),
        (#"{"article":"a","date":null,"index":"0","sentence":"s","label":"n","probabilities":{"n":1}}"#, #""index" must be a number"#),
        (#"{"article":"a","date":null,"index":0,"sentence":"s","label":"n","probabilities":[1]}"#, #""probabilities" must be an object"#),
        (#"{"article":"a","date":null,"index":0,"sentence":"s","label":"n","probabilities":{"n":"1"}}"#, "must be a number"),
        (#"{"article":"a","date":null,"index":0,"sentence":"s","label":"x","probabilities":{"n":1}}"#, "not among"),
        (#"{"article":"a","article":"b","date":null,"index":0,"sentence":"s","label":"n","probabilities":{"n":1}}"#, "twice"),
        (#"{"article":"a\u","date":null}"#, "not JSON"),
        (#"{"article":"a\ud800","date":null}"#, "surrogate"),
        ("{\"article\":\"raw\u{01}control\"}", "control character"),
        (#"{"article":"a"} trailing"#, "after the value"),
        (#"{"article":"a","date":null,"index":01,"sentence":"s","label":"n","probabilities":{"n":1}}"#, "leading zero"),
    ]

    @Test(arguments: badLines)
    func namesTheBadLine(_ bad: String, _ fragment: String) {
        let good = ScoreJSONL.encode(Self.record("fine"))
        let text = good + "\n\n" + good + "\n" + bad + "\n" + good + "\n"
        do {
            _ = try ScoreJSONL.decode(text, file: "scores.jsonl")
            Issue.record("expected an error for \(bad)")
        } catch let error as TensionError {
            #expect(error.code == .input)
            #expect(error.file == "scores.jsonl")
            #expect(error.line == 4)
            #expect(error.message.contains(fragment), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func refusesInvalidUTF8() {
        let bytes: [UInt8] = Array(#"{"article":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        #expect(throws: TensionError.self) { try ScoreJSONL.decode(bytes) }
    }

    @Test func syntaxErrorsHaveAColumn() throws {
        do {
            _ = try ScoreJSONL.decode("{\"article\": x}")
            Issue.record("expected an error")
        } catch let error as TensionError {
            #expect(error.line == 1)
            #expect(error.column == 13)
        }
    }

    @Test func isFastEnough() throws {
        let records = (0..<20_000).map { Self.record("Sentence number \($0) says something \"quoted\".", article: "art-\($0 / 20)", index: $0 % 20) }
        let clock = ContinuousClock()
        var text = ""
        let encodeTime = clock.measure { text = ScoreJSONL.encode(records) }
        var back: [ScoredSentence] = []
        let decodeTime = try clock.measure { back = try ScoreJSONL.decode(text) }
        #expect(back == records)
        // Generous bounds for a debug build on a shared machine: ~20k lines, a few MB.
        #expect(encodeTime < .seconds(10))
        #expect(decodeTime < .seconds(10))
    }
}
