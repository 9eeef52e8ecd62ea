import Foundation

/// Finds the default model that ships with tension, from a checkout or an installed binary.
///
/// Candidates, first match wins:
/// 1. `$TENSION_MODEL`, when set;
/// 2. `models/default.tensionmodel` in the folder of the executable or any folder above it
///    (a checkout: the binary lives in `.build/<config>/`);
/// 3. `../share/tension/default.tensionmodel` beside the executable's folder (an install into
///    a prefix such as /usr/local, with the binary in `bin/`);
/// 4. `models/default.tensionmodel` in the current folder or any folder above it.
public enum DefaultModel {
    /// The file name of the default model.
    public static let fileName = "default.tensionmodel"

    /// The paths tried, in order, for an executable at `executablePath`.
    public static func candidates(executablePath: String, currentDirectory: String,
                                  environment: [String: String]) -> [String] {
        var out: [String] = []
        if let env = environment["TENSION_MODEL"], !env.isEmpty { out.append(env) }
        let exe = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        var dir = exe
        for _ in 0..<8 {
            out.append(dir.appendingPathComponent("models").appendingPathComponent(fileName).path)
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        out.append(exe.deletingLastPathComponent().appendingPathComponent("share/tension").appendingPathComponent(fileName).path)
        dir = URL(fileURLWithPath: currentDirectory)
        for _ in 0..<8 {
            out.append(dir.appendingPathComponent("models").appendingPathComponent(fileName).path)
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return out
    }

    /// The first candidate that exists, or an error that lists where it looked.
    public static func locate(executablePath: String = CommandLine.arguments.first ?? "",
                              currentDirectory: String = FileManager.default.currentDirectoryPath,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let all = candidates(executablePath: executablePath, currentDirectory: currentDirectory, environment: environment)
        if let env = environment["TENSION_MODEL"], !env.isEmpty {
            return env  // An explicit choice: a missing file is reported by the loader.
        }
        var seen = Set<String>()
        for c in all where seen.insert(c).inserted {
            if FileManager.default.fileExists(atPath: c) { return c }
        }
        throw TensionError(.io, "no default model found (looked in \(Array(seen).prefix(3).joined(separator: ", ")) and above)",
                           hint: "pass --model MODEL, set TENSION_MODEL, or run `make model` in a checkout")
    }
}
