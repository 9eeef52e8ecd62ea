/// A shell-style file name pattern: `*`, `?`, `[abc]`, `[a-z]`, `[!abc]`, and `{txt,md}` alternatives.
///
/// The pattern is matched against a file's name (its last path component), not the whole path.
/// As in a shell, `*` and `?` do not match a leading dot, so hidden files are not picked up.
public struct FileGlob: Sendable, Equatable {
    /// The pattern as written.
    public let pattern: String
    private let alternatives: [[Unicode.Scalar]]

    /// Creates a pattern; `{a,b}` expands to alternatives (not nested).
    public init(_ pattern: String) {
        self.pattern = pattern
        var result: [[Unicode.Scalar]] = [[]]
        var scalars = Array(pattern.unicodeScalars)[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if c == "{", let close = scalars.firstIndex(of: "}") {
                let options = scalars[scalars.startIndex..<close].split(separator: ",", omittingEmptySubsequences: false)
                result = result.flatMap { prefix in options.map { prefix + Array($0) } }
                scalars = scalars[(close + 1)...]
            } else {
                for k in result.indices { result[k].append(c) }
            }
        }
        alternatives = result
    }

    /// Whether `name` (a file name without directories) matches.
    public func matches(_ name: String) -> Bool {
        let n = Array(name.unicodeScalars)
        return alternatives.contains { p in
            if n.first == ".", p.first != "." { return false }
            return Self.match(p[...], n[...])
        }
    }

    private static func match(_ p: ArraySlice<Unicode.Scalar>, _ n: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = p
        var n = n
        while let c = p.first {
            switch c {
            case "*":
                let rest = p.dropFirst()
                if rest.isEmpty { return true }
                var tail = n
                while true {
                    if match(rest, tail) { return true }
                    guard !tail.isEmpty else { return false }
                    tail = tail.dropFirst()
                }
            case "?":
                guard !n.isEmpty else { return false }
                p = p.dropFirst()
                n = n.dropFirst()
            case "[":
                guard let s = n.first, let close = p.dropFirst(2).firstIndex(of: "]") else {
                    if n.first == "[" { p = p.dropFirst(); n = n.dropFirst(); continue }
                    return false
                }
                var set = p[(p.startIndex + 1)..<close]
                let negate = set.first == "!" || set.first == "^"
                if negate { set = set.dropFirst() }
                var found = false
                var k = set.startIndex
                while k < set.endIndex {
                    if k + 2 < set.endIndex, set[k + 1] == "-" {
                        if set[k].value <= s.value && s.value <= set[k + 2].value { found = true }
                        k += 3
                    } else {
                        if set[k] == s { found = true }
                        k += 1
                    }
                }
                guard found != negate else { return false }
                p = p[(close + 1)...]
                n = n.dropFirst()
            default:
                guard n.first == c else { return false }
                p = p.dropFirst()
                n = n.dropFirst()
            }
        }
        return n.isEmpty
    }
}
