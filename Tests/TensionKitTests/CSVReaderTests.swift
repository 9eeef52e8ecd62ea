import Testing
@testable import TensionKit

/// One tricky CSV input and the records it must give (header included).
struct CSVCase: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let records: [[String]]
    var testDescription: String { name }
}

/// One bad CSV input and where the reader must say the fault is.
struct CSVFault: CustomTestStringConvertible, Sendable {
    let name: String
    let input: [UInt8]
    let line: Int
    let column: Int?
    let words: String
    var testDescription: String { name }
}

@Suite struct CSVReaderTests {
    static let cases: [CSVCase] = [
        CSVCase(name: "plain", input: "text,label\nhello,a\n", records: [["text", "label"], ["hello", "a"]]),
        CSVCase(name: "no final newline", input: "text,label\nhello,a", records: [["text", "label"], ["hello", "a"]]),
        CSVCase(name: "CRLF", input: "text,label\r\nhello,a\r\nbye,b\r\n", records: [["text", "label"], ["hello", "a"], ["bye", "b"]]),
        CSVCase(name: "comma in quotes", input: "text,label\n\"one, two\",a\n", records: [["text", "label"], ["one, two", "a"]]),
        CSVCase(name: "doubled quotes", input: "text,label\n\"he said \"\"no\"\"\",a\n", records: [["text", "label"], ["he said \"no\"", "a"]]),
        CSVCase(name: "newline in quotes", input: "text,label\n\"line one\nline two\",a\n", records: [["text", "label"], ["line one\nline two", "a"]]),
        CSVCase(name: "CRLF in quotes kept", input: "text,label\r\n\"a\r\nb\",x\r\n", records: [["text", "label"], ["a\r\nb", "x"]]),
        CSVCase(name: "byte-order mark", input: "\u{FEFF}text,label\nhi,a\n", records: [["text", "label"], ["hi", "a"]]),
        CSVCase(name: "empty fields", input: "a,b,c\n,,\nx,,z\n", records: [["a", "b", "c"], ["", "", ""], ["x", "", "z"]]),
        CSVCase(name: "blank lines skipped", input: "text,label\n\nhi,a\n\n\nbye,b\n", records: [["text", "label"], ["hi", "a"], ["bye", "b"]]),
        CSVCase(name: "quoted empty", input: "text,label\n\"\",a\n", records: [["text", "label"], ["", "a"]]),
        CSVCase(name: "unicode", input: "text,label\n“Séoul” 北京 — ok,a\n", records: [["text", "label"], ["“Séoul” 北京 — ok", "a"]]),
        CSVCase(name: "trailing comma", input: "a,b\nx,\n", records: [["a", "b"], ["x", ""]]),
        CSVCase(name: "CR line ends (classic Mac)", input: "text,label\rhello,a\r\"x\",b\r", records: [["text", "label"], ["hello", "a"], ["x", "b"]]),
        CSVCase(name: "CR inside quotes kept", input: "text,label\r\"a\rb\",x\r", records: [["text", "label"], ["a\rb", "x"]]),
        CSVCase(name: "only quotes", input: "a\n\"\"\"\"\n", records: [["a"], ["\""]]),
    ]

    @Test(arguments: cases)
    func parsesTrickyInput(_ c: CSVCase) throws {
        let table = try CSVReader(fileName: "t.csv").parse(Array(c.input.utf8))
        #expect([table.header] + table.rows == c.records)
    }

    @Test func recordsStartLinesCountQuotedNewlines() throws {
        let table = try CSVReader(fileName: "t.csv").parse(Array("text,label\n\"a\nb\nc\",x\nd,y\n".utf8))
        #expect(table.lines == [2, 5])
    }

    static let faults: [CSVFault] = [
        CSVFault(name: "unterminated quote", input: Array("text,label\nok,a\n\"never closed,b\n".utf8), line: 3, column: 1, words: "never closed"),
        CSVFault(name: "ragged row", input: Array("text,label\nok,a\ntoo,many,fields\n".utf8), line: 3, column: 1, words: "3 fields but the header has 2"),
        CSVFault(name: "short row", input: Array("text,label\nok,a\nlonely\n".utf8), line: 3, column: 1, words: "1 field but the header has 2"),
        CSVFault(name: "invalid UTF-8", input: Array("text,label\nok,a\nbad ".utf8) + [0xFF, 0xFE] + Array(",b\n".utf8), line: 3, column: 5, words: "invalid UTF-8"),
        CSVFault(name: "text after closing quote", input: Array("text,label\n\"a\"b,c\n".utf8), line: 2, column: 4, words: "after a closing quote"),
        CSVFault(name: "quote inside unquoted field", input: Array("text,label\nsay \"hi\",a\n".utf8), line: 2, column: 5, words: "quote inside an unquoted field"),
        CSVFault(name: "empty file", input: [], line: 0, column: nil, words: "empty"),
        CSVFault(name: "only blank lines", input: Array("\n\r\n  \n".utf8), line: 0, column: nil, words: "empty"),
    ]

    @Test(arguments: faults)
    func reportsWhereTheFaultIs(_ f: CSVFault) {
        do {
            _ = try CSVReader(fileName: "bad.csv").parse(f.input)
            Issue.record("expected an error")
        } catch let e as TensionError {
            #expect(e.code == .csv)
            #expect(e.file == "bad.csv")
            if f.line > 0 { #expect(e.line == f.line) }
            if let c = f.column { #expect(e.column == c) }
            #expect(e.message.contains(f.words), "\(e.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func picksColumnsByNameInAnyOrder() throws {
        let table = try CSVReader(fileName: "t.csv").parse(Array("id,label,extra,text\n1,warning,x,Hello there\n2,neutral,y,Bye\n".utf8))
        let data = try LabeledDataset.from(table: table, fileName: "t.csv")
        #expect(data.texts == ["Hello there", "Bye"])
        #expect(data.labels == ["warning", "neutral"])
    }

    @Test func missingColumnIsNamed() throws {
        let table = try CSVReader(fileName: "t.csv").parse(Array("sentence,label\nhi,a\n".utf8))
        #expect(throws: TensionError.self) { try LabeledDataset.from(table: table, fileName: "t.csv") }
        do { _ = try LabeledDataset.from(table: table, fileName: "t.csv") } catch let e as TensionError {
            #expect(e.message.contains("\"text\""))
            #expect(e.line == 1)
        } catch {}
    }

    @Test func headerWithoutRowsIsAnError() throws {
        let table = try CSVReader(fileName: "t.csv").parse(Array("text,label\n".utf8))
        #expect(throws: TensionError.self) { try LabeledDataset.from(table: table, fileName: "t.csv") }
    }

    @Test func emptyLabelIsAnErrorWithItsLine() throws {
        let table = try CSVReader(fileName: "t.csv").parse(Array("text,label\nhi,a\nthere,\n".utf8))
        do {
            _ = try LabeledDataset.from(table: table, fileName: "t.csv")
            Issue.record("expected an error")
        } catch let e as TensionError {
            #expect(e.line == 3)
        }
    }
}
